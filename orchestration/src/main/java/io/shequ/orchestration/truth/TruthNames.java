package io.shequ.orchestration.truth;

import io.shequ.simulator.SimulationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What the written division names of a sample mean, from its ground truth: for each staged row
 * that should become a fact, keyed {@code location#line} as the pipeline names its rows (the path
 * relative to the source folder), the 12-digit codes the name stands for. Report rows count in
 * files that are loaded (not superseded, duplicated or quarantined whole); ledger rows when staged
 * and not replaced by an amendment.
 */
final class TruthNames {

    private TruthNames() {}

    static Map<String, SortedSet<String>> reports(SimulationResult sample) {
        Set<String> loaded = new HashSet<>();
        for (CSVRecord file : read(sample.groundTruthFolder().resolve("files.csv"))) {
            if (file.get("kind").equals("report") && file.get("outcome").equals("loaded")) {
                loaded.add(file.get("file"));
            }
        }
        Map<String, SortedSet<String>> names = new LinkedHashMap<>();
        for (CSVRecord row : read(sample.groundTruthFolder().resolve("report-rows.csv"))) {
            if (row.get("outcome").equals("staged") && loaded.contains(row.get("file"))) {
                names.put(
                        key(sample, sample.streetOfficeFolder(), row),
                        new TreeSet<>(List.of(row.get("community_code"))));
            }
        }
        return names;
    }

    static Map<String, SortedSet<String>> contracts(SimulationResult sample) {
        Map<String, SortedSet<String>> names = new LinkedHashMap<>();
        for (CSVRecord row : read(sample.groundTruthFolder().resolve("contracts.csv"))) {
            if (row.get("outcome").equals("staged") && row.get("superseded_by").isEmpty()) {
                names.put(
                        key(sample, sample.procurementFolder(), row),
                        new TreeSet<>(List.of(row.get("served_codes").split(";"))));
            }
        }
        return names;
    }

    /** {@code file} is relative to the sample's output folder, the pipeline's location to the source folder. */
    private static String key(SimulationResult sample, Path sourceFolder, CSVRecord row) {
        Path file = sample.groundTruthFolder().getParent().resolve(row.get("file"));
        return sourceFolder.relativize(file).toString().replace('\\', '/') + "#" + row.get("line");
    }

    private static List<CSVRecord> read(Path file) {
        try (CSVParser parser = CSVParser.parse(
                file,
                StandardCharsets.UTF_8,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .build())) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the ground truth " + file, e);
        }
    }
}
