package io.shequ.orchestration.it;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the lake held after one run, table by table: the rows of the snapshot the run committed
 * ({@code runs/<run>/lake-snapshot.json}), read straight from its data files, each row as text
 * with its columns in name order, the rows sorted, so two runs compare whatever the file layout.
 */
final class LakeContents {

    private LakeContents() {}

    static Map<String, List<String>> of(Path home, String runId) throws SQLException {
        LakeSnapshot snapshot =
                LakeSnapshot.read(home.resolve("runs").resolve(runId).resolve("lake-snapshot.json"));
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (LakeTable table : snapshot.tables()) {
                tables.put(table.name(), rows(duckdb, table));
            }
        }
        return tables;
    }

    private static List<String> rows(Connection duckdb, LakeTable table) throws SQLException {
        List<String> rows = new ArrayList<>();
        if (table.dataFiles().isEmpty()) {
            return rows;
        }
        String files = table.dataFiles().stream()
                .map(f -> "'" + f.replaceFirst("^file:", "").replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        try (Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT * FROM read_parquet(" + files + ", hive_partitioning = false, union_by_name = true)")) {
            int columns = result.getMetaData().getColumnCount();
            TreeMap<String, Integer> byName = new TreeMap<>();
            for (int c = 1; c <= columns; c++) {
                byName.put(result.getMetaData().getColumnName(c), c);
            }
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (Map.Entry<String, Integer> column : byName.entrySet()) {
                    row.append(column.getKey())
                            .append('=')
                            .append(result.getString(column.getValue()))
                            .append('|');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(String::compareTo);
        return rows;
    }
}
