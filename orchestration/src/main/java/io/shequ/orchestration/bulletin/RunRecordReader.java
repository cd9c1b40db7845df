package io.shequ.orchestration.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.warehouse.bulletin.RunRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what a run recorded about its inputs for the bulletin's completeness section: its
 * {@code summary.json} (files quarantined whole, names resolved, late and missing partitions,
 * source findings) and the rule of each row in its quarantine folder, counted per office.
 */
public final class RunRecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRecordReader() {
    }

    /** The record of {@code runId} under {@code home}, or empty when its summary is not there. */
    public static Optional<RunRecord> read(Path home, String runId) {
        Path summaryFile = home.resolve("runs").resolve(runId).resolve("summary.json");
        if (!Files.isRegularFile(summaryFile)) {
            return Optional.empty();
        }
        try {
            JsonNode summary = JSON.readTree(summaryFile.toFile());
            return Optional.of(new RunRecord(runId, quarantined(home, runId, summary), resolution(summary),
                    partitions(summary), findings(summary)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + summaryFile, e);
        }
    }

    /** The run that built a snapshot: its file is {@code <run id>.duckdb}. */
    public static String runOf(Path snapshot) {
        return snapshot.getFileName().toString().replaceFirst("\\.duckdb$", "");
    }

    private static List<RunRecord.Quarantined> quarantined(Path home, String runId, JsonNode summary) throws IOException {
        Map<List<String>, long[]> counts = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (JsonNode file : summary.path("files_quarantined_whole")) {
            counts.computeIfAbsent(key(file), k -> new long[2])[1]++;
        }
        Path folder = home.resolve("quarantine").resolve(runId);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            if (!line.isBlank()) {
                                counts.computeIfAbsent(key(JSON.readTree(line)), k -> new long[2])[0]++;
                            }
                        }
                    }
                }
            }
        }
        List<RunRecord.Quarantined> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new RunRecord.Quarantined(k.get(0), k.get(1), k.get(2), c[0], c[1])));
        return out;
    }

    private static List<String> key(JsonNode row) {
        String location = row.path("location").asText("");
        int slash = location.indexOf('/');
        return List.of(row.path("source").asText(""), slash > 0 ? location.substring(0, slash) : "",
                row.path("rule").asText(""));
    }

    private static List<RunRecord.Resolution> resolution(JsonNode summary) {
        List<RunRecord.Resolution> out = new ArrayList<>();
        summary.path("conform").path("resolution").fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            long names = r.path("names").asLong();
            long ambiguous = r.path("ambiguous").asLong();
            long unknown = r.path("unknown").asLong();
            out.add(new RunRecord.Resolution(e.getKey(), names, names - ambiguous - unknown, ambiguous, unknown));
        });
        return out;
    }

    private static List<RunRecord.LatePartition> partitions(JsonNode summary) {
        List<RunRecord.LatePartition> out = new ArrayList<>();
        for (String state : new String[] {"late", "missing"}) {
            for (JsonNode p : summary.path("freshness").path(state)) {
                out.add(new RunRecord.LatePartition(p.path("source").asText(), p.path("key").asText(), state,
                        p.path("due").asText("")));
            }
        }
        return out;
    }

    private static List<RunRecord.Finding> findings(JsonNode summary) {
        Map<List<String>, Long> counts = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (JsonNode f : summary.path("source_findings")) {
            counts.merge(List.of(f.path("kind").asText(""), f.path("source").asText(""), f.path("office").asText("")),
                    1L, Long::sum);
        }
        List<RunRecord.Finding> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new RunRecord.Finding(k.get(0), k.get(1), k.get(2), n)));
        return out;
    }
}
