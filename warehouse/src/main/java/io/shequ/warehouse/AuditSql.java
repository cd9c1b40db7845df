package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC helpers the audits share: one number, or a few rows as text. */
final class AuditSql {

    private AuditSql() {}

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The single value of {@code sql} as text, or null. */
    static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Up to {@code limit} rows of {@code sql}, each as {@code {column=value, ...}}. */
    static List<String> sample(Connection connection, String sql, int limit) throws SQLException {
        List<String> sample = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql + " LIMIT " + limit)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rows.getMetaData().getColumnName(i) + "=" + rows.getString(i));
                }
                sample.add("{" + String.join(", ", values) + "}");
            }
        }
        return sample;
    }

    static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        return count(
                        connection,
                        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = '" + schema + "' AND table_name = '"
                                + table + "'")
                > 0;
    }
}
