package io.shequ.jobs.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.conform.ConformOutcome;
import io.shequ.jobs.conform.Resolution;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.partition.Freshness;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.stage.SourceFinding;
import io.shequ.jobs.stage.WholeFileRejects;
import io.shequ.schemas.quality.InputQuality;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What one run publishes about its inputs ({@link InputQuality}), from its run ledger and its
 * quarantine folder: the sources it read ({@code landed}), rows quarantined per rule (each
 * quarantined row once, streamed, so memory does not grow with them) and files quarantined
 * whole, names resolved ({@code conform}), source findings, and the late and missing
 * partitions it was given.
 *
 * <p>The grid system is read by increments: a run whose increment left the grid state unchanged
 * did not read it, for this purpose (its rows carry over); one that changed it publishes the
 * rows its increment quarantined.
 *
 * <p>A row's or a finding's office is the folder holding its file, as the office wrote it:
 * {@code 370102/东关街道/2023-06.csv} is {@code 东关街道}; a grid table has none ({@code ""}).
 */
public final class RunInputQuality {

    private RunInputQuality() {}

    /**
     * @param unchanged sources the run read by an increment that changed nothing: not read, for
     *     what the snapshot publishes about them
     */
    public static InputQuality of(HomeLayout layout, String runId, Freshness.Report partitions, Set<String> unchanged) {
        RunLedger ledger = new RunLedger(layout, runId);
        Set<String> read = new TreeSet<>();
        LandedSource.LANDED.read(ledger).ifPresent(landed -> read.addAll(landed.keySet()));
        read.removeAll(unchanged);
        return new InputQuality(
                read,
                quarantined(ledger, layout.quarantine(runId)),
                resolution(ledger),
                findings(ledger),
                late(partitions));
    }

    /** The folder holding the file at {@code location}, or {@code ""} when it is in none. */
    static String office(String location) {
        if (location == null) {
            return "";
        }
        String path = location.replace('\\', '/');
        int file = path.lastIndexOf('/');
        if (file <= 0) {
            return "";
        }
        return path.substring(path.lastIndexOf('/', file - 1) + 1, file);
    }

    private static List<InputQuality.Quarantined> quarantined(RunLedger ledger, Path folder) {
        Map<List<String>, long[]> counts = new TreeMap<>(RunInputQuality::compare);
        // a file quarantined whole counts as a file, with the rows its account says it had: the
        // quarantine holds either those rows or, for a file with none to read, one record of the file
        Map<String, Long> accounted = new HashMap<>();
        for (SourceAccount account : SourceAccount.SOURCES.read(ledger).orElse(List.of())) {
            accounted.merge(file(account.source(), account.location()), account.rowsQuarantined(), Long::sum);
        }
        Set<String> wholeFiles = new HashSet<>();
        for (WholeFileRejects.File file : WholeFileRejects.LEDGER.read(ledger).orElse(List.of())) {
            long[] count = counts.computeIfAbsent(key(file.source(), file.location(), file.rule()), k -> new long[2]);
            count[1]++;
            String whole = file(file.source(), file.location());
            if (wholeFiles.add(whole)) {
                count[0] += accounted.getOrDefault(whole, 0L);
            }
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file :
                        files.filter(RunInputQuality::isRowFile).sorted().toList()) {
                    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            if (line.isBlank()) {
                                continue;
                            }
                            JsonNode row = RunLedger.JSON.readTree(line);
                            if (!wholeFiles.contains(file(row))) {
                                counts.computeIfAbsent(key(row), k -> new long[2])[0]++;
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("counting the rows quarantined under " + folder, e);
            }
        }
        List<InputQuality.Quarantined> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new InputQuality.Quarantined(k.get(0), k.get(1), k.get(2), c[0], c[1])));
        return out;
    }

    /** The rows Spark wrote, one JSON object per line, not its checksums or markers. */
    private static boolean isRowFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && name.endsWith(".json") && !name.startsWith(".") && !name.startsWith("_");
    }

    private static String file(JsonNode row) {
        return file(row.path("source").asText(""), row.path("location").asText(""));
    }

    private static String file(String source, String location) {
        return (source == null ? "" : source) + "\n" + (location == null ? "" : location);
    }

    private static List<String> key(JsonNode row) {
        return key(
                row.path("source").asText(""),
                row.path("location").asText(null),
                row.path("rule").asText(""));
    }

    private static List<String> key(String source, String location, String rule) {
        return List.of(source == null ? "" : source, office(location), rule == null ? "" : rule);
    }

    private static List<InputQuality.NameResolution> resolution(RunLedger ledger) {
        List<InputQuality.NameResolution> out = new ArrayList<>();
        ConformOutcome.LEDGER
                .read(ledger)
                .ifPresent(conform -> conform.resolution().forEach((source, tally) -> {
                    long names = count(tally, "names");
                    long ambiguous = count(tally, Resolution.Failure.AMBIGUOUS.code());
                    long unknown = count(tally, Resolution.Failure.UNKNOWN.code());
                    out.add(new InputQuality.NameResolution(
                            source, names, names - ambiguous - unknown, ambiguous, unknown));
                }));
        return out;
    }

    private static long count(Map<String, Object> tally, String key) {
        return tally.get(key) instanceof Number n ? n.longValue() : 0L;
    }

    private static List<InputQuality.Finding> findings(RunLedger ledger) {
        Map<List<String>, Long> counts = new TreeMap<>(RunInputQuality::compare);
        for (SourceFinding f : SourceFinding.LEDGER.read(ledger).orElse(List.of())) {
            String office = f.office() != null ? f.office() : office(f.location());
            counts.merge(
                    List.of(f.kind() == null ? "" : f.kind(), f.source() == null ? "" : f.source(), office),
                    1L,
                    Long::sum);
        }
        List<InputQuality.Finding> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new InputQuality.Finding(k.get(0), k.get(1), k.get(2), n)));
        return out;
    }

    private static List<InputQuality.LatePartition> late(Freshness.Report report) {
        List<InputQuality.LatePartition> out = new ArrayList<>();
        report.late().forEach(f -> out.add(partition(f, "late")));
        report.missing().forEach(f -> out.add(partition(f, "missing")));
        return out;
    }

    private static InputQuality.LatePartition partition(Freshness.Finding f, String state) {
        return new InputQuality.LatePartition(f.source(), f.key(), state, f.periodStart(), f.periodEnd(), f.due());
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
