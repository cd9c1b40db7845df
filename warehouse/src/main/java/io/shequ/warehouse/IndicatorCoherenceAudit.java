package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Every indicator value is coherent: numerator and denominator are not negative, a denominator
 * is never 0, and where there is a denominator the value is numerator / denominator times the
 * unit's factor (100 for {@code %} and per hundred such as {@code 平方米/百户}, 1000 for
 * {@code ‰} and per thousand such as {@code 件/千人}, 10,000 for per ten thousand such as
 * {@code 人/万人}, else 1), up to the rounding of the value to two decimals.
 */
final class IndicatorCoherenceAudit implements Audit {

    static final String MART = "mart_indicators";

    /** Values are rounded to at most two decimals; anything further off is an arithmetic error. */
    private static final String INCOHERENT = """
            SELECT year, division_code, indicator, breakdown, numerator, denominator, value, unit
            FROM mart_indicators
            WHERE numerator < 0 OR denominator < 0 OR denominator = 0 OR numerator IS NULL OR value IS NULL
               OR (denominator IS NOT NULL AND abs(value - numerator / denominator
                   * CASE WHEN unit = '%' THEN 100 WHEN unit = '‰' THEN 1000 WHEN unit LIKE '%/万%' THEN 10000
                          WHEN unit LIKE '%/千%' THEN 1000 WHEN unit LIKE '%/百%' THEN 100 ELSE 1 END)
                   > 0.005 + 1e-9 * abs(value))
            """;

    @Override
    public List<AuditOutcome> run(Connection snapshot, AuditScope scope) throws SQLException {
        String name = "indicators_coherent:" + MART;
        if (!AuditSql.tableExists(snapshot, "main", MART)) {
            return List.of(AuditOutcome.failed(name, "the snapshot has no " + MART));
        }
        long rows = AuditSql.count(snapshot, "SELECT count(*) FROM " + MART);
        long bad = AuditSql.count(snapshot, "SELECT count(*) FROM (" + INCOHERENT + ")");
        if (bad == 0) {
            return List.of(AuditOutcome.passed(
                    name,
                    rows + " values: numerators and denominators non-negative, "
                            + "ratios equal numerator / denominator"));
        }
        return List.of(AuditOutcome.failed(
                name,
                bad + " of " + rows + " values are incoherent, e.g. "
                        + AuditSql.sample(snapshot, INCOHERENT + " ORDER BY ALL", 5)));
    }
}
