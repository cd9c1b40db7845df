package io.shequ.orchestration.sql;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One statement's result, held whole: its columns, its rows in result order and how long it took.
 * Read up to the source's row cap; a larger result is refused whole, never cut silently.
 *
 * @param columns the column labels
 * @param numeric per column, whether it holds numbers (printed right-aligned)
 * @param rows the rows, each value as the driver's {@code getObject} gave it (arrays as lists)
 * @param elapsed from sending the statement to the last row read
 */
public record ResultTable(List<String> columns, List<Boolean> numeric, List<List<Object>> rows, Duration elapsed) {

    private static final Set<Integer> NUMBERS = Set.of(
            Types.TINYINT,
            Types.SMALLINT,
            Types.INTEGER,
            Types.BIGINT,
            Types.FLOAT,
            Types.REAL,
            Types.DOUBLE,
            Types.NUMERIC,
            Types.DECIMAL);

    /**
     * Runs {@code sql} on {@code source}.
     *
     * @throws SQLException if the statement fails, is refused, times out, or returns more rows
     *     than the source's cap
     */
    static ResultTable run(SqlSource source, String sql) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = source.connection().createStatement()) {
            if (source.timeout() != null) {
                statement.setQueryTimeout((int) Math.max(1, source.timeout().toSeconds()));
            }
            if (!statement.execute(sql)) {
                return new ResultTable(List.of(), List.of(), List.of(), Duration.ofNanos(System.nanoTime() - start));
            }
            try (ResultSet result = statement.getResultSet()) {
                ResultSetMetaData meta = result.getMetaData();
                List<String> columns = new ArrayList<>();
                List<Boolean> numeric = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    columns.add(meta.getColumnLabel(c));
                    numeric.add(NUMBERS.contains(meta.getColumnType(c)));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (result.next()) {
                    if (rows.size() == source.maxRows()) {
                        throw new SQLException("the result has more than " + source.maxRows()
                                + " rows, the readers' cap (serve.max-result-rows): add a LIMIT or narrow the query");
                    }
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int c = 1; c <= columns.size(); c++) {
                        row.add(value(result.getObject(c)));
                    }
                    rows.add(row);
                }
                return new ResultTable(
                        List.copyOf(columns), List.copyOf(numeric), rows, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    private static Object value(Object value) throws SQLException {
        if (value instanceof Array array) {
            Object elements = array.getArray();
            return elements instanceof Object[] list ? Arrays.asList(list) : elements;
        }
        return value;
    }

    /** Whether the statement returned no result set (nothing to print or export). */
    boolean isEmpty() {
        return columns.isEmpty();
    }
}
