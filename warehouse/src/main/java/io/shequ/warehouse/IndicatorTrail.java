package io.shequ.warehouse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The trail behind one published indicator value: the divisions containing it, what its fact rows
 * add up to, and the first of those rows (or all of them).
 *
 * @param value the published value from {@code mart_indicators}
 * @param divisionPath the current divisions containing the value's division, city first, itself last
 * @param summary the totals of all contributing rows, by source and by child division
 * @param rows the contributing fact rows in source order, at most as many as asked for; empty for
 *     a count or amount of 0
 */
public record IndicatorTrail(
        IndicatorValue value, List<DivisionName> divisionPath, TrailSummary summary, List<LineageRow> rows) {

    /** A division and its current name, for printing the path. */
    public record DivisionName(String code, String level, String name) {}

    public IndicatorTrail {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(summary, "summary");
        divisionPath = List.copyOf(divisionPath);
        rows = List.copyOf(rows);
    }

    /** Whether {@link #rows} holds every contributing row, not only the first. */
    public boolean complete() {
        return rows.size() == summary.rows();
    }

    /** The sum of all contributing rows' numerator parts (0 without rows). */
    public BigDecimal numeratorSum() {
        return summary.numerator();
    }

    /** The sum of all contributing rows' denominator parts, or null when the value is not a ratio. */
    public BigDecimal denominatorSum() {
        if (value.denominator() == null) {
            return null;
        }
        return summary.denominator() == null ? BigDecimal.ZERO : summary.denominator();
    }

    /**
     * Whether the parts give the published numerator and denominator, to within the rounding of a
     * double (the mart stores them as DOUBLE, the parts are exact decimals).
     */
    public boolean addsUp() {
        if (!close(numeratorSum(), value.numerator())) {
            return false;
        }
        return value.denominator() == null || close(denominatorSum(), value.denominator());
    }

    private static boolean close(BigDecimal exact, Double published) {
        double difference = Math.abs(exact.doubleValue() - published);
        return difference <= 1e-9 * Math.max(1.0, Math.abs(published));
    }
}
