package io.shequ.orchestration.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every table of a published warehouse as a sorted list of its rows (each row its values as text,
 * column by column), leaving out the columns that differ between two runs of the same data by
 * nature: {@link #RUN_SPECIFIC}.
 */
final class PublishedTables {

    /**
     * Columns that time or identify the lake commit, not the data: {@code meta_snapshot} records when
     * the run committed the lake and Iceberg's snapshot id, a random number. Every other column of
     * every table must be equal.
     */
    static final Map<String, Set<String>> RUN_SPECIFIC =
            Map.of("meta_snapshot", Set.of("committed_at", "iceberg_snapshot_id"));

    private PublishedTables() {}

    static Map<String, List<String>> rows(Path duckdbFile) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckdbFile.toRealPath(), readOnly);
                Statement sql = connection.createStatement()) {
            List<String[]> names = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT schema_name, table_name FROM duckdb_tables()"
                    + " WHERE database_name = current_database() AND NOT internal AND NOT temporary")) {
                while (rows.next()) {
                    names.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] name : names) {
                String table = "main".equals(name[0]) ? name[1] : name[0] + "." + name[1];
                List<String> columns = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery("SELECT column_name FROM duckdb_columns() WHERE database_name = "
                        + "current_database() AND schema_name = '" + name[0] + "' AND table_name = '" + name[1]
                        + "' ORDER BY column_index")) {
                    while (rows.next()) {
                        if (!RUN_SPECIFIC.getOrDefault(table, Set.of()).contains(rows.getString(1))) {
                            columns.add('"' + rows.getString(1) + '"');
                        }
                    }
                }
                List<String> content = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery(
                        "SELECT " + String.join(", ", columns) + " FROM \"" + name[0] + "\".\"" + name[1] + "\"")) {
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns.size(); i++) {
                            row.append(i == 1 ? "" : " | ")
                                    .append(columns.get(i - 1))
                                    .append('=')
                                    .append(rows.getString(i));
                        }
                        content.add(row.toString());
                    }
                }
                content.sort(null);
                tables.put(table, content);
            }
        }
        return tables;
    }
}
