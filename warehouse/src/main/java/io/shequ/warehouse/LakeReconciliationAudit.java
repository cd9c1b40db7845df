package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The warehouse holds what the lake holds: every lake table the snapshot records in
 * {@code meta_snapshot} has, as published, the row count the lake snapshot states. The detail
 * gives the sum of every amount column (a numeric column named {@code *amount*} or
 * {@code *_yuan}), which value accounting compares per source file ({@link SourceValuesAudit}).
 */
final class LakeReconciliationAudit implements Audit {

    @Override
    public List<AuditOutcome> run(Connection snapshot, AuditScope scope) throws SQLException {
        List<AuditOutcome> outcomes = new ArrayList<>();
        for (String table : scope.lakeTables()) {
            String stated =
                    AuditSql.text(snapshot, "SELECT row_count FROM meta_snapshot WHERE table_name = '" + table + "'");
            if (stated != null && AuditSql.tableExists(snapshot, "main", table)) {
                outcomes.add(reconcile(snapshot, table, Long.parseLong(stated)));
            }
        }
        return outcomes;
    }

    private static AuditOutcome reconcile(Connection snapshot, String table, long stated) throws SQLException {
        String name = "totals_reconcile:" + table;
        long published = AuditSql.count(snapshot, "SELECT count(*) FROM main." + table);
        if (published != stated) {
            return AuditOutcome.failed(name, "rows: warehouse " + published + ", lake snapshot states " + stated);
        }
        StringBuilder compared = new StringBuilder(published + " rows");
        String amounts = AuditSql.text(
                snapshot,
                "SELECT string_agg(column_name, ',' ORDER BY column_index) FROM duckdb_columns()"
                        + " WHERE schema_name = 'main' AND table_name = '" + table
                        + "' AND data_type ~ '^(DECIMAL|DOUBLE|FLOAT|BIGINT|INTEGER|HUGEINT).*'"
                        + " AND (column_name LIKE '%amount%' OR column_name LIKE '%\\_yuan' ESCAPE '\\')");
        if (amounts != null) {
            for (String column : amounts.split(",")) {
                compared.append(", sum(")
                        .append(column)
                        .append(") = ")
                        .append(AuditSql.text(
                                snapshot,
                                "SELECT CAST(sum(" + ModelTests.quoted(column) + ") AS VARCHAR) FROM main." + table));
            }
        }
        return AuditOutcome.passed(name, compared + " as the lake snapshot states");
    }
}
