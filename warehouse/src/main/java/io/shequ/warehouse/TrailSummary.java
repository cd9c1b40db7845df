package io.shequ.warehouse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What all the fact rows behind one indicator value add up to, in total, by source (file or
 * table) and by the divisions one level below the traced one.
 *
 * @param rows how many fact rows contribute
 * @param numerator the sum of their numerator parts
 * @param denominator the sum of their denominator parts; null when none has one
 */
public record TrailSummary(
        long rows, BigDecimal numerator, BigDecimal denominator, List<Group> bySource, List<Group> byChild) {

    /**
     * The rows of one source or one child division.
     *
     * @param key the source file or table, or the child division's code
     * @param name the child division's current name; null for a source
     */
    public record Group(String key, String name, long rows, BigDecimal numerator, BigDecimal denominator) {}

    public TrailSummary {
        Objects.requireNonNull(numerator, "numerator");
        bySource = List.copyOf(bySource);
        byChild = List.copyOf(byChild);
    }

    /** The summary of a value with no rows behind it (a count or amount of 0). */
    static TrailSummary empty() {
        return new TrailSummary(0, BigDecimal.ZERO, null, List.of(), List.of());
    }
}
