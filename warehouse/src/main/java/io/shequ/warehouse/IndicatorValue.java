package io.shequ.warehouse;

/**
 * One row of {@code mart_indicators}: an indicator's value for one division and year.
 *
 * @param year the calendar year
 * @param divisionCode 12-digit NBS code of the division
 * @param divisionLevel {@code city}, {@code district}, {@code street} or {@code community}
 * @param divisionName the division's current name
 * @param indicator the indicator code from the catalogue, e.g. {@code staff_avg}
 * @param breakdown {@code ""} for the headline figure, else e.g. {@code villagers_committee}
 * @param numerator never null
 * @param denominator null where the indicator is not a ratio
 * @param value never null
 * @param unit e.g. {@code 个}, {@code 元}, {@code ratio}
 * @param divisionLevelZh the level in Chinese, e.g. {@code 街道/乡镇}
 * @param indicatorNameZh the indicator's Chinese name from {@code dim_indicator}, else its code
 * @param indicatorNameEn the indicator's English name from {@code dim_indicator}, else its code
 */
public record IndicatorValue(
        int year,
        String divisionCode,
        String divisionLevel,
        String divisionName,
        String indicator,
        String breakdown,
        Double numerator,
        Double denominator,
        Double value,
        String unit,
        String divisionLevelZh,
        String indicatorNameZh,
        String indicatorNameEn) {}
