package io.shequ.warehouse;

import java.math.BigDecimal;

/**
 * One fact row behind an indicator value ({@code mart_indicator_lineage}): where it came from and
 * what it adds to the value's numerator and denominator.
 *
 * @param factTable the warehouse table holding the row, e.g. {@code fct_community_reports}
 * @param factKey the row's key in that table, e.g. {@code 370103001001 2023-12}
 * @param source the source file, the source system's table ({@code grid_system.event}) or the
 *     NBS division codes; null where the lake did not record it
 * @param sourceRow the line in the file, the event id or the division code; may be null
 * @param detail what the row holds that the value uses, in words
 * @param numeratorPart what the row adds to the numerator; never null
 * @param denominatorPart what it adds to the denominator; null where the value is not a ratio
 */
public record LineageRow(
        String factTable,
        String factKey,
        String source,
        String sourceRow,
        String detail,
        BigDecimal numeratorPart,
        BigDecimal denominatorPart) {}
