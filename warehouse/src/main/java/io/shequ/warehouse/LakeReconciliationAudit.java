package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The warehouse holds what the lake holds: for every lake table built into a table of the same
 * name, its row count equals the lake snapshot's stated count and the loaded lake table's, and
 * every amount column (a numeric column named {@code *amount*} or {@code *_yuan}) sums to the
 * same total in both.
 */
final class LakeReconciliationAudit implements Audit {

    @Override
    public List<AuditOutcome> run(Connection snapshot, AuditScope scope) throws SQLException {
        List<AuditOutcome> outcomes = new ArrayList<>();
        for (String table : scope.lakeTables()) {
            if (!AuditSql.tableExists(snapshot, "main", table)) {
                continue;
            }
            outcomes.add(reconcile(snapshot, table));
        }
        return outcomes;
    }

    private static AuditOutcome reconcile(Connection snapshot, String table) throws SQLException {
        String name = "totals_reconcile:" + table;
        String lake = LakeLoader.SCHEMA + "." + table;
        long warehouseRows = AuditSql.count(snapshot, "SELECT count(*) FROM main." + table);
        long lakeRows = AuditSql.count(snapshot, "SELECT count(*) FROM " + lake);
        String stated =
                AuditSql.text(snapshot, "SELECT row_count FROM meta_snapshot WHERE table_name = '" + table + "'");
        List<String> problems = new ArrayList<>();
        if (warehouseRows != lakeRows) {
            problems.add("rows: warehouse " + warehouseRows + ", lake " + lakeRows);
        }
        if (stated != null && Long.parseLong(stated) != warehouseRows) {
            problems.add("rows: warehouse " + warehouseRows + ", lake snapshot states " + stated);
        }
        StringBuilder compared = new StringBuilder(warehouseRows + " rows");
        String amounts = AuditSql.text(
                snapshot,
                "SELECT string_agg(w.column_name, ',') FROM duckdb_columns() AS w"
                        + " JOIN duckdb_columns() AS l ON l.column_name = w.column_name AND l.schema_name = '"
                        + LakeLoader.SCHEMA
                        + "' AND l.table_name = w.table_name WHERE w.schema_name = 'main' AND w.table_name = '" + table
                        + "' AND w.data_type ~ '^(DECIMAL|DOUBLE|FLOAT|BIGINT|INTEGER|HUGEINT).*'"
                        + " AND (w.column_name LIKE '%amount%' OR w.column_name LIKE '%\\_yuan' ESCAPE '\\')");
        if (amounts != null) {
            for (String column : amounts.split(",")) {
                String c = ModelTests.quoted(column);
                String inWarehouse =
                        AuditSql.text(snapshot, "SELECT CAST(sum(" + c + ") AS VARCHAR) FROM main." + table);
                String inLake = AuditSql.text(snapshot, "SELECT CAST(sum(" + c + ") AS VARCHAR) FROM " + lake);
                compared.append(", sum(").append(column).append(") = ").append(inWarehouse);
                if (!Objects.equals(inWarehouse, inLake)) {
                    problems.add("sum(" + column + "): warehouse " + inWarehouse + ", lake " + inLake);
                }
            }
        }
        return problems.isEmpty()
                ? AuditOutcome.passed(name, compared + " as in the lake")
                : AuditOutcome.failed(name, String.join("; ", problems));
    }
}
