package io.shequ.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole content of a warehouse file as plain values, for tests and reproducibility checks:
 * two builds from the same lake snapshot must dump equal.
 */
public final class WarehouseContent {

    /** Provenance, not content: it is the same lake snapshot either way. */
    static final String EXCLUDED = "meta_snapshot";

    private WarehouseContent() {}

    /**
     * Every user table's rows, sorted by all columns, keyed by table name ({@code schema.table}
     * outside {@code main}), except {@code meta_snapshot}. Values are as the DuckDB driver
     * returns them ({@code Long}, {@code BigDecimal}, {@code String}, {@code LocalDate}...).
     */
    public static Map<String, List<List<Object>>> dump(Path duckdbFile) {
        Map<String, List<List<Object>>> content = new TreeMap<>();
        try (Connection connection = WarehouseReader.openSandboxed(duckdbFile.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT schema_name, table_name FROM duckdb_tables()"
                    + " WHERE database_name = current_database() AND NOT internal AND NOT temporary")) {
                while (rows.next()) {
                    tables.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] table : tables) {
                String name = "main".equals(table[0]) ? table[1] : table[0] + "." + table[1];
                if (EXCLUDED.equals(name)) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery(
                        "SELECT * FROM " + identifier(table[0]) + "." + identifier(table[1]) + " ORDER BY ALL")) {
                    content.put(name, rows(rows));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("dumping " + duckdbFile, e);
        }
        return content;
    }

    /** The rows of {@code rows}, in order, each as an unmodifiable list that may hold nulls. */
    static List<List<Object>> rows(ResultSet rows) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        List<List<Object>> result = new ArrayList<>();
        while (rows.next()) {
            Object[] row = new Object[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = rows.getObject(i + 1);
            }
            result.add(Collections.unmodifiableList(Arrays.asList(row)));
        }
        return result;
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
