package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every fact key resolves to its dimension: each {@code fct_} column whose spec names
 * {@code references: dim_x.column}, and each {@code fct_} column ending in {@code _key} that a
 * {@code dim_} table also has (the surrogate keys). A non-null value with no dimension row fails.
 */
final class ReferentialIntegrityAudit implements Audit {

    @Override
    public List<AuditOutcome> run(Connection snapshot, AuditScope scope) throws SQLException {
        List<AuditOutcome> outcomes = new ArrayList<>();
        for (Model fact : scope.models()) {
            if (!fact.name().startsWith("fct_") || fact.isView()) {
                continue;
            }
            for (Map.Entry<String, String> key : keys(snapshot, fact, scope).entrySet()) {
                outcomes.add(check(snapshot, fact.name(), key.getKey(), key.getValue()));
            }
        }
        return outcomes;
    }

    /** Fact column → {@code dimension.column}. */
    private static Map<String, String> keys(Connection snapshot, Model fact, AuditScope scope) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        if (fact.spec() != null) {
            for (ModelSpec.Column column : fact.spec().columns()) {
                if (column.references() != null) {
                    keys.put(column.name(), column.references());
                }
            }
        }
        for (Model dimension : scope.models()) {
            if (!dimension.name().startsWith("dim_")) {
                continue;
            }
            String shared = AuditSql.text(
                    snapshot,
                    "SELECT string_agg(f.column_name, ',') FROM duckdb_columns() AS f"
                            + " JOIN duckdb_columns() AS d ON d.column_name = f.column_name"
                            + " WHERE f.schema_name = 'main' AND d.schema_name = 'main' AND f.table_name = '"
                            + fact.name()
                            + "' AND d.table_name = '" + dimension.name()
                            + "' AND f.column_name LIKE '%\\_key' ESCAPE '\\'");
            if (shared != null) {
                for (String column : shared.split(",")) {
                    keys.putIfAbsent(column, dimension.name() + "." + column);
                }
            }
        }
        return keys;
    }

    private static AuditOutcome check(Connection snapshot, String fact, String column, String target)
            throws SQLException {
        String name = "referential_integrity:" + fact + "." + column;
        String[] dimension = target.split("\\.", 2);
        String orphans =
                "SELECT f." + ModelTests.quoted(column) + ", count(*) AS fact_rows FROM " + fact + " AS f WHERE f."
                        + ModelTests.quoted(column) + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + dimension[0]
                        + " AS d WHERE d."
                        + ModelTests.quoted(dimension[1]) + " = f." + ModelTests.quoted(column) + ") GROUP BY ALL";
        long missing = AuditSql.count(snapshot, "SELECT coalesce(sum(fact_rows), 0) FROM (" + orphans + ")");
        if (missing == 0) {
            return AuditOutcome.passed(name, "every " + column + " is in " + target);
        }
        return AuditOutcome.failed(
                name,
                missing + " row(s) of " + fact + " have a " + column + " not in " + target + ", e.g. "
                        + AuditSql.sample(snapshot, orphans + " ORDER BY fact_rows DESC", 5));
    }
}
