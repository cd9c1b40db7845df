package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Every published value is traceable: the parts of its lineage rows add up to its numerator and
 * denominator (up to the rounding of a double), so {@code ./shequ explain} can show where each
 * figure comes from. Adds the fact-grain rows up once per publish, in one pass.
 */
final class LineageAudit implements Audit {

    private static final String NOT_ADDING_UP = ClasspathText.read("queries/lineage_parts_add_up.sql");

    @Override
    public List<AuditOutcome> run(Connection snapshot, AuditScope scope) throws SQLException {
        String name = "lineage_adds_up:mart_indicator_lineage";
        if (!AuditSql.tableExists(snapshot, "main", IndicatorCoherenceAudit.MART)) {
            return List.of(AuditOutcome.failed(name, "the snapshot has no " + IndicatorCoherenceAudit.MART));
        }
        long values = AuditSql.count(snapshot, "SELECT count(*) FROM " + IndicatorCoherenceAudit.MART);
        long bad = AuditSql.count(snapshot, "SELECT count(*) FROM (" + NOT_ADDING_UP + ")");
        if (bad == 0) {
            return List.of(AuditOutcome.passed(
                    name,
                    values + " values: the parts of their lineage rows add up to " + "each numerator and denominator"));
        }
        return List.of(AuditOutcome.failed(
                name,
                bad + " of " + values + " values do not add up from their lineage " + "rows, e.g. "
                        + AuditSql.sample(snapshot, NOT_ADDING_UP + " ORDER BY ALL", 5)));
    }
}
