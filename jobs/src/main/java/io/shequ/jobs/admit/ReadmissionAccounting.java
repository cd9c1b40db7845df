package io.shequ.jobs.admit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.SourceAccount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-admission's accounting, after the check step: of the corrections staging applied
 * ({@link StagedCorrections}), a row this run quarantined (staging rejected it again, or a
 * check-step row rule took it out) is still failing and stays open with its new reasons; a row
 * that survived both is re-admitted, once: in the first run where it gets through, recorded in
 * {@link AdmissionRegister} with the same count as the run summary's section. When the check
 * blocks the run, no row counts: the next run that passes re-admits them.
 */
public final class ReadmissionAccounting {

    private static final String READMITTED = "readmitted";
    private static final String STILL_FAILING = "still_failing";
    private static final String HELD = "held";

    private final String runId;
    private final AdmissionRegister register;

    /** The run ledger's {@code readmission}: what became of the corrections staged this run. */
    public static final LedgerEntry<ReadmissionOutcome> LEDGER =
            LedgerEntry.of(LedgerSection.READMISSION, new TypeReference<>() {});

    /**
     * What became of the corrections a run staged.
     *
     * @param readmitted the corrected rows re-admitted this run (file, line and values)
     * @param stillFailing the corrected rows that failed a rule again
     */
    public record ReadmissionOutcome(
            @JsonProperty("admit_folder") String admitFolder,
            @JsonProperty("rows_readmitted") int rowsReadmitted,
            @JsonProperty("rows_still_failing") int rowsStillFailing,
            @JsonProperty("corrections_carried") long correctionsCarried,
            @JsonProperty("rows_held_by_gate") long rowsHeldByGate,
            @JsonProperty("admit_files") List<AdmitFileLine> admitFiles,
            List<Map<String, Object>> readmitted,
            @JsonProperty("still_failing") List<Map<String, Object>> stillFailing) {}

    /** One admit file's line in {@link ReadmissionOutcome}: rows read = re-admitted + not re-admitted. */
    public record AdmitFileLine(
            String file,
            String sha256,
            long rows,
            long readmitted,
            @JsonProperty("not_readmitted") long notReadmitted,
            String note) {}

    /** One admit file's accounting in this run, and where it now lies. */
    public record AdmitFileAccount(SourceAccount account, String sha256, long bytes, Path done) {}

    public ReadmissionAccounting(HomeLayout layout, String runId) {
        this.runId = runId;
        this.register = new AdmissionRegister(layout);
    }

    /**
     * @param quarantinedIds the row ids this run quarantined, by staging or by the check step
     * @param blocked        whether the check step blocks the run (nothing it staged is published)
     * @param fileAccounts   receives each admit file's accounting, for the landing manifest
     * @return the run ledger's section
     */
    public ReadmissionOutcome finish(
            StagedCorrections staged,
            Set<String> quarantinedIds,
            boolean blocked,
            List<AdmitFileAccount> fileAccounts) {
        Map<String, String> lastReadmitted = register.lastReadmitted();
        List<Map<String, Object>> readmitted = new ArrayList<>();
        List<Map<String, Object>> stillFailing = new ArrayList<>();
        List<String> newlyReadmitted = new ArrayList<>();
        Map<String, String> outcome = new LinkedHashMap<>();
        long carried = 0;
        long held = 0;
        for (CorrectedRows.Applied a : staged.applied()) {
            Correction c = a.correction();
            Map<String, Object> row = row(c, a.location());
            String key = c.admitSha256() + "\u0000" + c.quarantineId();
            if (quarantinedIds.contains(c.quarantineId())) {
                stillFailing.add(row);
                outcome.put(key, STILL_FAILING);
                continue;
            }
            String previous = lastReadmitted.get(c.quarantineId());
            boolean first = previous == null || previous.compareTo(c.admittedRun()) < 0 || previous.equals(runId);
            if (first && blocked) {
                held++;
                outcome.put(key, HELD);
            } else if (first) {
                readmitted.add(row);
                newlyReadmitted.add(c.quarantineId());
                outcome.put(key, READMITTED);
            } else {
                carried++;
            }
        }
        register.markReadmitted(runId, newlyReadmitted);
        fileAccounts.addAll(admitFileAccounts(staged, outcome, register.corrections()));
        return new ReadmissionOutcome(
                staged.admitFolder(),
                readmitted.size(),
                stillFailing.size(),
                carried,
                held,
                fileAccounts.stream()
                        .map(f -> new AdmitFileLine(
                                f.account().location(),
                                f.sha256(),
                                f.account().rowsRead(),
                                f.account().rowsStaged(),
                                f.account().rowsQuarantined(),
                                f.account().note()))
                        .toList(),
                readmitted,
                stillFailing);
    }

    /** Per admit file seen this run: rows read = re-admitted + not (still failing, held, refused, not applied). */
    private List<AdmitFileAccount> admitFileAccounts(
            StagedCorrections staged, Map<String, String> outcome, Map<String, Correction> inForce) {
        List<AdmitFileAccount> accounts = new ArrayList<>();
        for (StagedCorrections.AdmitFile in : staged.intake()) {
            AdmitRecord r = register.processed(in.sha256())
                    .orElseThrow(() -> new IllegalStateException("admit file " + in.dropped() + " (sha256 "
                            + in.sha256() + ") is not in the admission register"));
            Path done = Path.of(in.done());
            if (in.takenBefore()) {
                accounts.add(new AdmitFileAccount(
                        new SourceAccount(
                                Readmission.SOURCE,
                                in.dropped(),
                                0,
                                0,
                                0,
                                "same bytes as admit file " + r.file() + " taken in by run " + r.runId()
                                        + ": not processed again"),
                        r.sha256(),
                        r.bytes(),
                        done));
                continue;
            }
            long readmitted = 0;
            long failing = 0;
            long held = 0;
            List<String> notes = new ArrayList<>();
            for (Correction c : r.corrections()) {
                String result = outcome.get(r.sha256() + "\u0000" + c.quarantineId());
                Correction current = inForce.get(c.quarantineId());
                if (READMITTED.equals(result)) {
                    readmitted++;
                } else if (STILL_FAILING.equals(result)) {
                    failing++;
                } else if (HELD.equals(result)) {
                    held++;
                } else if (current != null && !current.admitSha256().equals(r.sha256())) {
                    notes.add("line " + c.admitLine() + ": superseded by " + current.admitFile());
                } else {
                    notes.add("line " + c.admitLine() + ": row " + c.quarantineId() + " not staged in this run"
                            + " (its file, sha256 " + c.fileSha256().substring(0, 12) + "…, is not among the sources)");
                }
            }
            r.refused().forEach(f -> notes.add(f.reason()));
            if (held > 0) {
                notes.add(
                        0,
                        held + " corrected row(s) passed, but a data-quality gate blocked the run: "
                                + "re-admitted by the next run that passes");
            }
            if (failing > 0) {
                notes.add(0, failing + " corrected row(s) still fail: back in quarantine with their reasons");
            }
            long notReadmitted = r.rows() - readmitted;
            accounts.add(new AdmitFileAccount(
                    new SourceAccount(
                            Readmission.SOURCE,
                            r.file(),
                            r.rows(),
                            readmitted,
                            notReadmitted,
                            notes.isEmpty() ? null : String.join("; ", notes)),
                    r.sha256(),
                    r.bytes(),
                    done));
        }
        return accounts;
    }

    private static Map<String, Object> row(Correction c, String location) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("quarantine_id", c.quarantineId());
        row.put("source", c.source());
        row.put("location", location);
        row.put("line", c.line());
        row.put("admit_file", c.admitFile());
        row.put("quarantined_by", c.quarantinedBy());
        return row;
    }
}
