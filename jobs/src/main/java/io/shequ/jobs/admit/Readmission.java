package io.shequ.jobs.admit;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.stage.table.RowCorrections;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Re-admission within one run's stage step. {@link #begin} takes in the admit files dropped since
 * the last run (each file once, by its bytes) and returns every correction in force for staging to
 * apply; {@link #staged} moves the admit files to {@code done/<sha256>/} and says what was applied.
 * Whether a corrected row is re-admitted is decided after the check step
 * ({@link ReadmissionAccounting}): a row that passes staging but fails a check-step rule is not.
 */
public final class Readmission {

    /** The manifest source of admit files. */
    public static final String SOURCE = "quarantine_admit";

    private final HomeLayout layout;
    private final Path admitFolder;
    private final String runId;
    private final AdmissionRegister register;
    private final List<Intake> intake = new ArrayList<>();
    private CorrectedRows corrections;

    /** An admit file found in the folder: taken in by this run, or the same bytes as one taken before. */
    record Intake(Path dropped, AdmitRecord record, boolean takenBefore) {}

    public Readmission(HomeLayout layout, Path admitFolder, String runId) {
        this.layout = layout;
        this.admitFolder = admitFolder;
        this.runId = runId;
        this.register = new AdmissionRegister(layout);
    }

    /** Takes in new admit files and returns the corrections in force (this run's and earlier ones). */
    public RowCorrections begin() {
        Map<String, QuarantinedRow> quarantined = null;
        for (Path file : dropped()) {
            String sha;
            try {
                sha = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("hashing admit file " + file, e);
            }
            var earlier = register.processed(sha);
            if (earlier.isPresent()) {
                intake.add(
                        new Intake(file, earlier.get(), !earlier.get().runId().equals(runId)));
                continue;
            }
            if (quarantined == null) {
                quarantined = latestQuarantined();
            }
            AdmitRecord record = onlyTheRowsOwnValues(AdmitFileReader.read(file, sha, runId), quarantined);
            register.record(record);
            intake.add(new Intake(file, record, false));
        }
        // a restarted stage step finds this run's admit files already in done/: account for them all the same
        for (AdmitRecord r : register.records()) {
            if (r.runId().equals(runId)
                    && intake.stream().noneMatch(i -> i.record().sha256().equals(r.sha256()))) {
                intake.add(new Intake(done(r.sha256(), r.file()), r, false));
            }
        }
        corrections = new CorrectedRows(register.corrections().values());
        return corrections;
    }

    /** After staging: moves the admit files to {@code done/<sha256>/} and returns what staging applied. */
    public StagedCorrections staged() {
        List<StagedCorrections.AdmitFile> files = new ArrayList<>();
        for (Intake in : intake) {
            Path done = moveToDone(in.dropped(), in.record().sha256());
            files.add(new StagedCorrections.AdmitFile(
                    in.dropped().getFileName().toString(),
                    done.toString(),
                    in.record().sha256(),
                    in.takenBefore()));
        }
        // the run ledger is no place for raw values: the accounting needs only which row and which admit file
        return new StagedCorrections(
                admitFolder.toString(),
                corrections.applied().stream()
                        .map(a -> new CorrectedRows.Applied(a.correction().withValues(Map.of()), a.location()))
                        .toList(),
                files);
    }

    /**
     * Keeps of each correction only the values that belong to its row: a staging reject's raw
     * headers, and of a checked row the fields the engineer changed. An export mixes rows of many
     * files, so a row's line carries blank cells under other files' headers; and a checked row's
     * typed values, written back unchanged, could be read differently from the cell they came from
     * (an amount under a 万元 header). A row no longer in the kept quarantine keeps its non-blank values.
     */
    static AdmitRecord onlyTheRowsOwnValues(AdmitRecord record, Map<String, QuarantinedRow> quarantined) {
        List<Correction> kept = new ArrayList<>();
        for (Correction c : record.corrections()) {
            QuarantinedRow row = quarantined.get(c.quarantineId());
            Map<String, String> values = new LinkedHashMap<>();
            c.values().forEach((column, value) -> {
                if (row == null) {
                    if (!blank(value) || !c.byCheck()) {
                        values.put(column, value);
                    }
                } else if (c.byCheck()) {
                    if (!Objects.equals(
                            blankToNull(value), blankToNull(row.raw().get(column)))) {
                        values.put(column, value);
                    }
                } else if (row.raw().containsKey(column)) {
                    values.put(column, value);
                }
            });
            kept.add(c.withValues(values));
        }
        return new AdmitRecord(
                record.file(), record.sha256(), record.runId(), record.bytes(), record.rows(), kept, record.refused());
    }

    /** Row id → the version of the latest run that quarantined it, of every kept run. */
    private Map<String, QuarantinedRow> latestQuarantined() {
        Map<String, QuarantinedRow> latest = new HashMap<>();
        new QuarantineRows(layout).allOpen(null, Map.of()).forEach(r -> latest.put(r.quarantineId(), r));
        return latest;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    /** The admit files in the folder (not in done/), in name order. */
    private List<Path> dropped() {
        if (!Files.isDirectory(admitFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(admitFolder)) {
            return files.filter(Files::isRegularFile)
                    .filter(Readmission::isAdmitFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing admit folder " + admitFolder, e);
        }
    }

    private static boolean isAdmitFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("~$") && (name.endsWith(".csv") || name.endsWith(".xlsx"));
    }

    private Path done(String sha, String name) {
        return admitFolder.resolve("done").resolve(sha).resolve(name);
    }

    private Path moveToDone(Path dropped, String sha) {
        Path target = done(sha, dropped.getFileName().toString());
        if (dropped.equals(target)) {
            return target;
        }
        try {
            OwnerOnly.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.deleteIfExists(dropped);
            } else if (Files.exists(dropped)) {
                Files.move(dropped, target, StandardCopyOption.ATOMIC_MOVE);
                // the user dropped this file with a mode of their choosing: it holds raw values now kept by Shequ
                OwnerOnly.restrict(target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("moving admit file " + dropped + " to " + target.getParent(), e);
        }
    }
}
