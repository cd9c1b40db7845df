package io.shequ.jobs.admit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What re-admission has taken in, under {@code state/admissions/} (owner-only: raw values): one
 * {@code <sha256>.json} per admit file processed ({@link AdmitRecord}), content-addressed like the
 * landing area so the same bytes are never processed twice, and {@code readmitted.jsonl}, one line
 * per row a run re-admitted, which closes the row's quarantine.
 */
public final class AdmissionRegister {

    private static final String READMITTED = "readmitted.jsonl";

    private final Path folder;

    public AdmissionRegister(HomeLayout layout) {
        this.folder = layout.state().resolve("admissions");
    }

    /** The record of the admit file with these bytes, when one was processed before. */
    public Optional<AdmitRecord> processed(String sha256) {
        Path file = folder.resolve(sha256 + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunLedger.JSON.readValue(file.toFile(), AdmitRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Records an admit file as processed, atomically. */
    public void record(AdmitRecord admitted) {
        try {
            OwnerOnly.createDirectories(folder);
            Path target = folder.resolve(admitted.sha256() + ".json");
            Path tmp = folder.resolve(admitted.sha256() + ".json.part");
            try (OutputStream out = OwnerOnly.newOutputStream(tmp)) {
                RunLedger.JSON.writeValue(out, admitted);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("recording admit file " + admitted.file(), e);
        }
    }

    /**
     * The correction in force per row: of all admit files ever taken in, the one taken last
     * (by run, then file name, then line) wins, so a second correction of a row replaces the first.
     */
    public Map<String, Correction> corrections() {
        List<Correction> all = new ArrayList<>();
        records().forEach(r -> all.addAll(r.corrections()));
        all.sort(Comparator.comparing(Correction::admittedRun)
                .thenComparing(Correction::admitFile)
                .thenComparingInt(Correction::admitLine));
        Map<String, Correction> inForce = new LinkedHashMap<>();
        all.forEach(c -> inForce.put(c.quarantineId(), c));
        return inForce;
    }

    /** Every admit file taken in. */
    public List<AdmitRecord> records() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<AdmitRecord> records = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                records.add(RunLedger.JSON.readValue(f.toFile(), AdmitRecord.class));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + folder, e);
        }
    }

    /** Appends the rows {@code runId} re-admitted; a restarted step appends none of them twice. */
    public void markReadmitted(String runId, List<String> rowIds) {
        Map<String, String> already = lastReadmitted();
        List<String> quarantineIds = rowIds.stream()
                .distinct()
                .filter(id -> !runId.equals(already.get(id)))
                .toList();
        if (quarantineIds.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (String id : quarantineIds) {
            lines.append(RunLedger.JSON
                            .createObjectNode()
                            .put("quarantine_id", id)
                            .put("run_id", runId)
                            .toString()
                            .replace("\n", ""))
                    .append('\n');
        }
        try {
            OwnerOnly.createDirectories(folder);
            OwnerOnly.writeString(
                    folder.resolve(READMITTED), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("recording re-admitted rows", e);
        }
    }

    /** Row id → the latest run that re-admitted it. */
    public Map<String, String> lastReadmitted() {
        Map<String, String> last = new HashMap<>();
        Path log = folder.resolve(READMITTED);
        if (!Files.exists(log)) {
            return last;
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = RunLedger.JSON.readTree(line);
                last.merge(
                        node.get("quarantine_id").asText(),
                        node.get("run_id").asText(),
                        (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + log, e);
        }
        return last;
    }
}
