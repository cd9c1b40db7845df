package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the audits look at: the lake tables loaded into the snapshot, the models built from
 * them, and the row counts of the previous current snapshot (empty before the first publish).
 */
record AuditScope(Set<String> lakeTables, List<Model> models, Map<String, Long> previousRowCounts) {

    /**
     * The scope of the snapshot open on {@code connection}: its lake tables are those with a DDL
     * (loaded even when empty) and those {@code meta_snapshot} records (loaded from their files).
     */
    static AuditScope of(Connection connection, Map<String, Long> previousRowCounts) throws SQLException {
        Set<String> lakeTables = new TreeSet<>(ModelCatalog.lakeTablesWithDdl());
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT table_name FROM meta_snapshot")) {
            while (rows.next()) {
                lakeTables.add(rows.getString(1));
            }
        }
        return new AuditScope(lakeTables, ModelRunner.plan(lakeTables), previousRowCounts);
    }

    /** Row count of every table (not view) in schema {@code main} of the snapshot open on {@code connection}. */
    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
                                + " AND database_name = current_database() AND NOT internal AND NOT temporary")) {
            while (rows.next()) {
                counts.put(rows.getString(1), 0L);
            }
        }
        for (String table : counts.keySet()) {
            counts.put(table, AuditSql.count(connection, "SELECT count(*) FROM " + ModelTests.quoted(table)));
        }
        return counts;
    }

    Model model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }
}
