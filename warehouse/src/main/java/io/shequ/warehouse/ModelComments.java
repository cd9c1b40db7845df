package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Copies a model's descriptions into the DuckDB catalog ({@code COMMENT ON}), Chinese then
 * English, so that BI tools browsing the warehouse see them beside the tables and columns.
 */
final class ModelComments {

    private ModelComments() {}

    static void apply(Connection connection, Model model) throws SQLException {
        ModelSpec spec = model.spec();
        if (spec == null || model.isMacro()) {
            return;
        }
        String kind = model.isView() ? "VIEW" : "TABLE";
        Set<String> existing = columns(connection, model.name());
        try (Statement statement = connection.createStatement()) {
            if (!spec.zh().isEmpty() || !spec.en().isEmpty()) {
                statement.execute("COMMENT ON " + kind + " " + model.name() + " IS " + literal(spec.zh(), spec.en()));
            }
            for (ModelSpec.Column column : spec.columns()) {
                if (existing.contains(column.name())) {
                    statement.execute("COMMENT ON COLUMN " + model.name() + "." + ModelTests.quoted(column.name())
                            + " IS " + literal(column.zh(), column.en()));
                }
            }
        }
    }

    private static Set<String> columns(Connection connection, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT column_name FROM duckdb_columns() WHERE schema_name = "
                        + "'main' AND table_name = '" + table + "'")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        return columns;
    }

    private static String literal(String zh, String en) {
        String text = zh.isEmpty() ? en : en.isEmpty() ? zh : zh + " / " + en;
        return "'" + text.strip().replace("'", "''") + "'";
    }
}
