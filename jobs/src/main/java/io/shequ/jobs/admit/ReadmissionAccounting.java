package io.shequ.jobs.admit;

import io.shequ.jobs.run.HomeLayout;
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
     * @return the run-summary section
     */
    public Map<String, Object> finish(
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
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("admit_folder", staged.admitFolder());
        section.put("rows_readmitted", readmitted.size());
        section.put("rows_still_failing", stillFailing.size());
        section.put("corrections_carried", carried);
        section.put("rows_held_by_gate", held);
        section.put(
                "admit_files",
                fileAccounts.stream()
                        .map(f -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("file", f.account().location());
                            m.put("sha256", f.sha256());
                            m.put("rows", f.account().rowsRead());
                            m.put("readmitted", f.account().rowsStaged());
                            m.put("not_readmitted", f.account().rowsQuarantined());
                            m.put("note", f.account().note());
                            return m;
                        })
                        .toList());
        section.put("readmitted", readmitted);
        section.put("still_failing", stillFailing);
        return section;
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
