package io.shequ.jobs.admit;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.stage.table.RowCorrections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Re-admission within one run's stage step. {@link #begin} takes in the admit files dropped since
 * the last run (each file once, by its bytes) and returns every correction in force for staging to
 * apply; {@link #finish} compares what was applied with what staging quarantined, counts each
 * correction as re-admitted once (in the run where its row first staged), closes those rows, and
 * moves the admit files to {@code done/<sha256>/}.
 */
public final class Readmission {

    /** The manifest source of admit files. */
    public static final String SOURCE = "quarantine_admit";
    /** The run-summary section. */
    public static final String SECTION = "readmission";

    private final Path admitFolder;
    private final String runId;
    private final AdmissionRegister register;
    private final List<Intake> intake = new ArrayList<>();
    private CorrectedRows corrections;

    /** An admit file found in the folder: taken in by this run, or the same bytes as one taken before. */
    public record Intake(Path dropped, AdmitRecord record, boolean takenBefore) {
    }

    /** One admit file's accounting in this run, and where it now lies. */
    public record AdmitFileAccount(SourceAccount account, String sha256, long bytes, Path done) {
    }

    public Readmission(HomeLayout layout, Path admitFolder, String runId) {
        this.admitFolder = admitFolder;
        this.runId = runId;
        this.register = new AdmissionRegister(layout);
    }

    /** Takes in new admit files and returns the corrections in force (this run's and earlier ones). */
    public RowCorrections begin() {
        for (Path file : dropped()) {
            String sha;
            try {
                sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(file)));
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("hashing admit file " + file, e);
            }
            var earlier = register.processed(sha);
            if (earlier.isPresent()) {
                intake.add(new Intake(file, earlier.get(), !earlier.get().runId().equals(runId)));
                continue;
            }
            AdmitRecord record = AdmitFileReader.read(file, sha, runId);
            register.record(record);
            intake.add(new Intake(file, record, false));
        }
        corrections = new CorrectedRows(register.corrections().values());
        return corrections;
    }

    /**
     * Accounts for the corrections staging applied: {@code quarantinedIds} are the row ids this
     * run's staging quarantined. Returns the run-summary section; the admit files' manifest
     * accounting is added to {@code fileAccounts}.
     */
    public Map<String, Object> finish(Set<String> quarantinedIds, List<AdmitFileAccount> fileAccounts) {
        Map<String, String> lastReadmitted = register.lastReadmitted();
        Map<String, Correction> inForce = register.corrections();
        List<Map<String, Object>> readmitted = new ArrayList<>();
        List<Map<String, Object>> stillFailing = new ArrayList<>();
        List<String> newlyReadmitted = new ArrayList<>();
        Map<String, String> outcome = new LinkedHashMap<>();
        long carried = 0;
        for (CorrectedRows.Applied a : corrections.applied()) {
            Correction c = a.correction();
            Map<String, Object> row = row(c, a.location());
            if (quarantinedIds.contains(c.quarantineId())) {
                stillFailing.add(row);
                outcome.put(c.admitSha256() + "\u0000" + c.quarantineId(), "still_failing");
                continue;
            }
            String previous = lastReadmitted.get(c.quarantineId());
            if (previous == null || previous.compareTo(c.admittedRun()) < 0 || previous.equals(runId)) {
                readmitted.add(row);
                newlyReadmitted.add(c.quarantineId());
                outcome.put(c.admitSha256() + "\u0000" + c.quarantineId(), "readmitted");
            } else {
                carried++;
            }
        }
        register.markReadmitted(runId, newlyReadmitted);
        fileAccounts.addAll(admitFileAccounts(outcome, inForce));
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("admit_folder", admitFolder.toString());
        section.put("rows_readmitted", readmitted.size());
        section.put("rows_still_failing", stillFailing.size());
        section.put("corrections_carried", carried);
        section.put("admit_files", fileAccounts.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.account().location());
            m.put("sha256", f.sha256());
            m.put("rows", f.account().rowsRead());
            m.put("readmitted", f.account().rowsStaged());
            m.put("not_readmitted", f.account().rowsQuarantined());
            m.put("note", f.account().note());
            return m;
        }).toList());
        section.put("readmitted", readmitted);
        section.put("still_failing", stillFailing);
        return section;
    }

    /** Per admit file seen this run: rows read = re-admitted + not (still failing, refused, not applied). */
    private List<AdmitFileAccount> admitFileAccounts(Map<String, String> outcome, Map<String, Correction> inForce) {
        List<AdmitFileAccount> accounts = new ArrayList<>();
        for (Intake in : intake) {
            AdmitRecord r = in.record();
            Path done = moveToDone(in.dropped(), r.sha256());
            if (in.takenBefore()) {
                accounts.add(new AdmitFileAccount(new SourceAccount(SOURCE, in.dropped().getFileName().toString(),
                        0, 0, 0, "same bytes as admit file " + r.file() + " taken in by run " + r.runId()
                        + ": not processed again"), r.sha256(), r.bytes(), done));
                continue;
            }
            long readmitted = 0;
            long failing = 0;
            List<String> notes = new ArrayList<>();
            for (Correction c : r.corrections()) {
                String result = outcome.get(r.sha256() + "\u0000" + c.quarantineId());
                Correction current = inForce.get(c.quarantineId());
                if ("readmitted".equals(result)) {
                    readmitted++;
                } else if ("still_failing".equals(result)) {
                    failing++;
                } else if (current != null && !current.admitSha256().equals(r.sha256())) {
                    notes.add("line " + c.admitLine() + ": superseded by " + current.admitFile());
                } else {
                    notes.add("line " + c.admitLine() + ": row " + c.quarantineId() + " not staged in this run"
                            + " (its file, sha256 " + c.fileSha256().substring(0, 12) + "…, is not among the sources)");
                }
            }
            r.refused().forEach(f -> notes.add(f.reason()));
            if (failing > 0) {
                notes.add(0, failing + " corrected row(s) still fail: back in quarantine with their reasons");
            }
            long notReadmitted = r.rows() - readmitted;
            accounts.add(new AdmitFileAccount(new SourceAccount(SOURCE, r.file(), r.rows(), readmitted, notReadmitted,
                    notes.isEmpty() ? null : String.join("; ", notes)), r.sha256(), r.bytes(), done));
        }
        return accounts;
    }

    /** The admit files in the folder (not in done/), in name order. */
    private List<Path> dropped() {
        if (!Files.isDirectory(admitFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(admitFolder)) {
            return files.filter(Files::isRegularFile).filter(Readmission::isAdmitFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing admit folder " + admitFolder, e);
        }
    }

    private static boolean isAdmitFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("~$") && (name.endsWith(".csv") || name.endsWith(".xlsx"));
    }

    private Path moveToDone(Path dropped, String sha) {
        Path target = admitFolder.resolve("done").resolve(sha).resolve(dropped.getFileName().toString());
        try {
            Files.createDirectories(target.getParent());
            OwnerOnly.restrict(admitFolder.resolve("done"));
            if (Files.exists(target)) {
                Files.deleteIfExists(dropped);
            } else if (Files.exists(dropped)) {
                Files.move(dropped, target, StandardCopyOption.ATOMIC_MOVE);
                OwnerOnly.restrict(target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("moving admit file " + dropped + " to " + target.getParent(), e);
        }
    }

    private static Map<String, Object> row(Correction c, String location) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("quarantine_id", c.quarantineId());
        row.put("source", c.source());
        row.put("location", location);
        row.put("line", c.line());
        row.put("admit_file", c.admitFile());
        return row;
    }
}
