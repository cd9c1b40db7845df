package io.shequ.orchestration.truth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one run made of the written names, read from its outputs only: the codes of the lake facts a
 * staged row became (the snapshot the run committed), or an empty set for a row conform quarantined
 * because its name is ambiguous or unresolved. Keyed {@code location#line}, the row's source file
 * relative to its source folder and its line.
 */
final class ResolvedNames {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NAME_RULES =
            Set.of(RejectRule.AMBIGUOUS_DIVISION.code(), RejectRule.UNRESOLVED_DIVISION.code());

    private final Path home;
    private final String runId;
    private final LakeSnapshot lake;

    ResolvedNames(Path home, String runId) {
        this.home = home;
        this.runId = runId;
        this.lake = LakeSnapshot.read(home.resolve("runs").resolve(runId).resolve("lake-snapshot.json"));
    }

    /** Rows of {@code factTable} with their {@code codeColumn} values, then the name rejects of {@code quarantineDataset}. */
    Map<String, SortedSet<String>> of(String factTable, String codeColumn, String quarantineDataset)
            throws SQLException, IOException {
        Map<String, SortedSet<String>> names = new HashMap<>();
        for (String key : quarantinedNames(quarantineDataset)) {
            names.put(key, new TreeSet<>());
        }
        List<String> files = lake.table(factTable).map(LakeTable::dataFiles).orElse(List.of());
        if (files.isEmpty()) {
            return names;
        }
        String parquet = files.stream()
                .map(f -> "'" + f.replaceFirst("^file:", "").replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("SELECT source_file || '#' || source_line, " + codeColumn
                        + " FROM read_parquet(" + parquet + ", hive_partitioning = false, union_by_name = true)")) {
            while (rows.next()) {
                names.computeIfAbsent(rows.getString(1), k -> new TreeSet<>()).add(rows.getString(2));
            }
        }
        return names;
    }

    private List<String> quarantinedNames(String dataset) throws IOException {
        Path folder = home.resolve("quarantine").resolve(runId).resolve(dataset);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path part : parts.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(part)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode reject = JSON.readTree(line);
                    if (NAME_RULES.contains(reject.path("rule").asText())) {
                        keys.add(reject.path("location").asText() + "#"
                                + reject.path("line").asText());
                    }
                }
            }
        }
        return keys;
    }
}
