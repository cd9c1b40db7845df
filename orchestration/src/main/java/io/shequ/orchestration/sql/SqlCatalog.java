package io.shequ.orchestration.sql;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tables and columns a source shows through JDBC's {@link DatabaseMetaData}: for {@code \d},
 * {@code \d TABLE} and completion. Over Flight SQL it is what the user's role may read.
 */
final class SqlCatalog {

    /** One table or view; {@code main} is the default schema and is not written. */
    record Table(String schema, String name, String type) {
        String qualified() {
            return "main".equals(schema) || schema == null ? name : schema + "." + name;
        }
    }

    private final SqlSource source;

    SqlCatalog(SqlSource source) {
        this.source = source;
    }

    /** Every table and view but the system's, {@code main}'s first, then by schema and name. */
    List<Table> tables() throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (ResultSet result = metadata().getTables(null, null, "%", null)) {
            while (result.next()) {
                Table table = new Table(
                        result.getString("TABLE_SCHEM"),
                        result.getString("TABLE_NAME"),
                        result.getString("TABLE_TYPE"));
                if (table.type() == null || !table.type().startsWith("SYSTEM")) {
                    tables.add(table);
                }
            }
        }
        tables.sort(Comparator.comparing((Table t) -> !"main".equals(t.schema()))
                .thenComparing(t -> String.valueOf(t.schema()))
                .thenComparing(Table::name));
        return tables;
    }

    /** {@code name} ({@code table} or {@code schema.table}) among {@link #tables()}. */
    Optional<Table> table(String name) throws SQLException {
        return tables().stream()
                .filter(t ->
                        t.qualified().equalsIgnoreCase(name) || (t.schema() + "." + t.name()).equalsIgnoreCase(name))
                .findFirst();
    }

    /** The columns of {@code table} as a result: column, type, nullable. */
    ResultTable describe(Table table) throws SQLException {
        long start = System.nanoTime();
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet result = metadata().getColumns(null, table.schema(), table.name(), "%")) {
            while (result.next()) {
                if (table.name().equals(result.getString("TABLE_NAME"))) {
                    rows.add(Arrays.asList(
                            result.getString("COLUMN_NAME"),
                            result.getString("TYPE_NAME"),
                            "NO".equals(result.getString("IS_NULLABLE")) ? "not null" : ""));
                }
            }
        }
        return new ResultTable(
                List.of("column", "type", "nullable"),
                List.of(false, false, false),
                rows,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The table list as a result: schema, name, type. */
    ResultTable list() throws SQLException {
        long start = System.nanoTime();
        List<List<Object>> rows = new ArrayList<>();
        for (Table table : tables()) {
            rows.add(Arrays.asList(table.schema(), table.name(), table.type()));
        }
        return new ResultTable(
                List.of("schema", "name", "type"),
                List.of(false, false, false),
                rows,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Table names, qualified where not in {@code main}, and every column name: what completion offers. */
    List<String> words() throws SQLException {
        List<String> words = new ArrayList<>();
        for (Table table : tables()) {
            words.add(table.qualified());
        }
        try (ResultSet result = metadata().getColumns(null, null, "%", "%")) {
            while (result.next()) {
                words.add(result.getString("COLUMN_NAME"));
            }
        }
        return words.stream().distinct().sorted().toList();
    }

    private DatabaseMetaData metadata() throws SQLException {
        return source.connection().getMetaData();
    }
}
