package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the tests a model's spec lists against the built model, and says for each failure the
 * model, column, test, how many rows break it and a few of them.
 */
final class ModelTests {

    /** Offending rows quoted in a failure message. */
    static final int SAMPLE_ROWS = 5;

    /** A test that found offending rows. */
    record Failure(String model, String column, String test, long rows, List<String> sample) {

        @Override
        public String toString() {
            return model + "." + column + " " + test + ": " + rows + " offending row(s), e.g. " + sample;
        }
    }

    private ModelTests() {}

    static List<Failure> run(Connection connection, Model model) throws SQLException {
        List<Failure> failures = new ArrayList<>();
        ModelSpec spec = model.spec();
        if (spec == null) {
            return failures;
        }
        String table = model.name();
        for (List<String> key : spec.uniqueKeys()) {
            String columns = key.stream().map(ModelTests::quoted).collect(Collectors.joining(", "));
            check(
                    connection,
                    failures,
                    table,
                    String.join("+", key),
                    "unique",
                    "SELECT " + columns + ", count(*) AS times FROM " + table + " GROUP BY ALL HAVING count(*) > 1");
        }
        for (ModelSpec.Column column : spec.columns()) {
            String c = quoted(column.name());
            for (ModelSpec.ColumnTest test : column.tests()) {
                String sql = switch (test.kind()) {
                    case "not_null" -> "SELECT * FROM " + table + " WHERE " + c + " IS NULL";
                    case "unique" ->
                        "SELECT " + c + ", count(*) AS times FROM " + table + " WHERE " + c
                                + " IS NOT NULL GROUP BY ALL HAVING count(*) > 1";
                    case "accepted_values" ->
                        "SELECT " + c + ", count(*) AS times FROM " + table + " WHERE " + c
                                + " IS NOT NULL AND CAST(" + c + " AS VARCHAR) NOT IN ("
                                + test.values().stream()
                                        .map(v -> "'" + v.replace("'", "''") + "'")
                                        .collect(Collectors.joining(", "))
                                + ") GROUP BY ALL";
                    case "relationships" -> {
                        String[] target = test.values().get(0).split("\\.", 2);
                        yield "SELECT " + c + ", count(*) AS times FROM " + table + " AS m WHERE " + c
                                + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + target[0] + " AS t WHERE t."
                                + quoted(target[1]) + " = m." + c + ") GROUP BY ALL";
                    }
                    default -> throw new IllegalStateException("unknown test " + test.kind());
                };
                check(connection, failures, table, column.name(), test.toString(), sql);
            }
        }
        return failures;
    }

    private static void check(
            Connection connection, List<Failure> failures, String model, String column, String test, String offending)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM (" + offending + ")")) {
            count.next();
            long rows = count.getLong(1);
            if (rows == 0) {
                return;
            }
            failures.add(new Failure(model, column, test, rows, AuditSql.sample(connection, offending, SAMPLE_ROWS)));
        }
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
