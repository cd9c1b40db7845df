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
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Value accounting's published side: for every fact table with a {@code source_file}, each column
 * a source contract names as a numeric field's {@code lake_column} sums, per source file, to the
 * same in the warehouse as in the lake snapshot it was built from (one grouped query per table).
 * The per-file sums go on as the outcome's figures, into the run's value accounting.
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
                if (inBoth(snapshot, table, column)) {
                    columns.add(column);
                }
            }
            if (!columns.isEmpty() && inBoth(snapshot, table, "source_file")) {
                outcomes.add(reconcile(snapshot, table, columns));
            }
        }
        return outcomes;
    }

    private static AuditOutcome reconcile(Connection snapshot, String table, List<String> columns) throws SQLException {
        StringBuilder sums = new StringBuilder();
        StringBuilder pairs = new StringBuilder();
        for (String c : columns) {
            String q = ModelTests.quoted(c);
            sums.append(", sum(").append(q).append(") AS ").append(q);
            pairs.append(", w.").append(q).append(", l.").append(q);
        }
        String sql = "WITH w AS (SELECT source_file" + sums + " FROM main." + table + " GROUP BY source_file),"
                + " l AS (SELECT source_file" + sums + " FROM " + LakeLoader.SCHEMA + "." + table
                + " GROUP BY source_file)"
                + " SELECT coalesce(w.source_file, l.source_file)" + pairs
                + " FROM w FULL JOIN l ON w.source_file IS NOT DISTINCT FROM l.source_file";
        Map<String, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Statement statement = snapshot.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String file = rows.getString(1);
                Map<String, BigDecimal> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    BigDecimal published = rows.getBigDecimal(2 + 2 * i);
                    BigDecimal lake = rows.getBigDecimal(3 + 2 * i);
                    byColumn.put(columns.get(i), published == null ? BigDecimal.ZERO : published);
                    if (!Objects.equals(
                            published == null ? null : published.stripTrailingZeros(),
                            lake == null ? null : lake.stripTrailingZeros())) {
                        problems.add(file + ": sum(" + columns.get(i) + ") published " + published + ", lake " + lake);
                    }
                }
                if (file != null) {
                    figures.put(file, byColumn);
                }
            }
        }
        String name = PREFIX + table;
        String detail = problems.isEmpty()
                ? figures.size() + " source file(s): sums of " + String.join(", ", columns) + " per file as in the lake"
                : String.join("; ", problems);
        return new AuditOutcome(name, problems.isEmpty(), detail, figures);
    }

    private static boolean inBoth(Connection snapshot, String table, String column) throws SQLException {
        return AuditSql.count(
                        snapshot,
                        "SELECT count(DISTINCT schema_name) FROM duckdb_columns() WHERE table_name = '" + table
                                + "' AND column_name = '" + column + "' AND schema_name IN ('main', '"
                                + LakeLoader.SCHEMA + "')")
                == 2;
    }
}
