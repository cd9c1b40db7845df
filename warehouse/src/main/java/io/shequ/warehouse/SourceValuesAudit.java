package io.shequ.warehouse;

import io.shequ.schemas.contract.FieldSpec;
import io.shequ.schemas.contract.SourceContract;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Value accounting's published side: for every lake table with a {@code source_file}, each column
 * a source contract names as a numeric field's {@code lake_column} is summed per source file as
 * published (one grouped query per table). The per-file sums go on as the outcome's figures, into
 * the run's value accounting, which compares them with what the lake step committed per file.
 */
final class SourceValuesAudit implements Audit {

    static final String PREFIX = "values_reconcile:";

    private final List<String> lakeColumns;

    SourceValuesAudit() {
        this(Stream.of(SourceContract.STREET_OFFICE_REPORT, SourceContract.PROCUREMENT_LEDGER)
                .flatMap(c -> SourceContract.load(c).numericFields().stream())
                .map(FieldSpec::lakeColumn)
                .distinct()
                .toList());
    }

    SourceValuesAudit(List<String> lakeColumns) {
        this.lakeColumns = List.copyOf(lakeColumns);
    }

    @Override
    public List<AuditOutcome> run(Connection snapshot, AuditScope scope) throws SQLException {
        List<AuditOutcome> outcomes = new ArrayList<>();
        for (String table : scope.lakeTables()) {
            List<String> columns = new ArrayList<>();
            for (String column : lakeColumns) {
                if (published(snapshot, table, column)) {
                    columns.add(column);
                }
            }
            if (!columns.isEmpty() && published(snapshot, table, "source_file")) {
                outcomes.add(sumsPerFile(snapshot, table, columns));
            }
        }
        return outcomes;
    }

    private static AuditOutcome sumsPerFile(Connection snapshot, String table, List<String> columns)
            throws SQLException {
        StringBuilder sums = new StringBuilder();
        for (String c : columns) {
            String q = ModelTests.quoted(c);
            sums.append(", sum(").append(q).append(") AS ").append(q);
        }
        String sql = "SELECT source_file" + sums + " FROM main." + table
                + " WHERE source_file IS NOT NULL GROUP BY source_file ORDER BY source_file";
        Map<String, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        try (Statement statement = snapshot.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                Map<String, BigDecimal> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    BigDecimal published = rows.getBigDecimal(2 + i);
                    byColumn.put(columns.get(i), published == null ? BigDecimal.ZERO : published);
                }
                figures.put(rows.getString(1), byColumn);
            }
        }
        return new AuditOutcome(
                PREFIX + table,
                true,
                figures.size() + " source file(s): sums of " + String.join(", ", columns)
                        + " per file, for value accounting",
                figures);
    }

    private static boolean published(Connection snapshot, String table, String column) throws SQLException {
        return AuditSql.count(
                        snapshot,
                        "SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = '" + table
                                + "' AND column_name = '" + column + "'")
                > 0;
    }
}
