package io.shequ.warehouse.bulletin;

import io.shequ.warehouse.IndicatorValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one bulletin shows, as the published warehouse holds it: nothing here is computed
 * from facts, only selected from {@code mart_indicators}, the marts beside it and the
 * {@code dq_} tables.
 *
 * @param values the division's indicator values of every published year, every breakdown
 * @param children the values of the divisions one level down (streets of a district, districts
 *     of a city) in {@code year}
 * @param categoryNames taxonomy labels keyed {@code <indicator>/<code>}, Chinese then English
 */
public record BulletinFigures(
        String divisionCode,
        String divisionName,
        String divisionLevel,
        int year,
        List<IndicatorValue> values,
        List<IndicatorValue> children,
        List<Definition> definitions,
        List<MonthlyEvents> months,
        List<ReportCompleteness> completeness,
        Map<String, String> categoryNames,
        InputQualityFigures inputs) {

    /** One indicator of {@code dim_indicator}. */
    public record Definition(String indicator, String nameZh, String nameEn, String definitionEn) {}

    /** Events reported in one month ({@code mart_grid_events_monthly}). */
    public record MonthlyEvents(int month, long events) {}

    /** One street office's reports against those expected ({@code mart_report_completeness}). */
    public record ReportCompleteness(
            String divisionCode,
            String divisionName,
            int horizonMonths,
            long communitiesExpected,
            long communitiesReporting,
            long reportsExpected,
            long reportsReceived,
            String missingMonths,
            boolean incomplete) {}

    /** The value of {@code indicator}/{@code breakdown} in {@code year}, if published. */
    public Optional<IndicatorValue> value(int inYear, String indicator, String breakdown) {
        return values.stream()
                .filter(v -> v.year() == inYear
                        && v.indicator().equals(indicator)
                        && v.breakdown().equals(breakdown))
                .findFirst();
    }

    /** The values of {@code indicator} in this year whose breakdown starts with {@code prefix}. */
    public List<IndicatorValue> breakdowns(String indicator, String prefix) {
        return values.stream()
                .filter(v -> v.year() == year
                        && v.indicator().equals(indicator)
                        && v.breakdown().startsWith(prefix))
                .toList();
    }

    /** The children's values of {@code indicator}/{@code breakdown}. */
    public List<IndicatorValue> childValues(String indicator, String breakdown) {
        return children.stream()
                .filter(v -> v.indicator().equals(indicator) && v.breakdown().equals(breakdown))
                .toList();
    }

    /** Whether the street-office reports behind report figures are incomplete under {@code code}. */
    public boolean reportsIncomplete(String code) {
        return completeness.stream()
                .anyMatch(c -> c.incomplete() && c.divisionCode().startsWith(prefix(code)));
    }

    /** The significant digits of a division code: a code under it starts with them. */
    public static String prefix(String code) {
        if (code.endsWith("00000000")) {
            return code.substring(0, 4);
        }
        if (code.endsWith("000000")) {
            return code.substring(0, 6);
        }
        if (code.endsWith("000")) {
            return code.substring(0, 9);
        }
        return code;
    }

    /** The level one down from this division's. */
    public String childLevel() {
        return "city".equals(divisionLevel) ? "district" : "street";
    }
}
