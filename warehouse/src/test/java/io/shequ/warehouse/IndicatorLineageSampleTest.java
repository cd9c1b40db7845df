package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * For every indicator code of the catalogue, values sampled at every level (city, district,
 * street, community) of the fixture warehouse are recomputed from their lineage rows alone: the
 * parts add up to the published numerator and denominator, exactly for counts, and the printed
 * arithmetic gives the published value. The rules that depend on the division (a median, a count
 * of distinct projects) are checked against figures worked out by hand from lake/*.csv.
 */
class IndicatorLineageSampleTest extends PublishedFixtureTest {

    static final List<String> LEVELS = List.of("city", "district", "street", "community");
    static final String STREET = "370103001000";
    static final String DISTRICT = "370103000000";

    @Test
    void sampledValuesOfEveryIndicatorAtEveryLevelAreRecomputedFromTheirRows() {
        List<String> catalogue = reader.query("SELECT indicator FROM dim_indicator ORDER BY indicator").stream()
                .map(row -> (String) row.get(0))
                .toList();
        assertThat(catalogue).as("the catalogue of docs/indicators.md").hasSize(18);
        Map<String, List<IndicatorValue>> byIndicatorAndLevel = reader.indicators(null, 2023).stream()
                .collect(Collectors.groupingBy(
                        v -> v.indicator() + " " + v.divisionLevel(), TreeMap::new, Collectors.toList()));
        List<String> checked = new ArrayList<>();
        for (String indicator : catalogue) {
            for (String level : LEVELS) {
                List<IndicatorValue> values = byIndicatorAndLevel.getOrDefault(indicator + " " + level, List.of());
                // the largest numerator (most rows behind it) and every breakdown's first value
                List<IndicatorValue> sample = new ArrayList<>();
                values.stream()
                        .max(Comparator.comparing(IndicatorValue::numerator))
                        .ifPresent(sample::add);
                values.stream()
                        .collect(Collectors.toMap(IndicatorValue::breakdown, v -> v, (a, b) -> a))
                        .values()
                        .forEach(sample::add);
                for (IndicatorValue v : sample) {
                    assertRecomputed(v);
                    checked.add(indicator + " " + level);
                }
            }
            assertThat(checked)
                    .as(indicator + " is sampled at every level")
                    .contains(LEVELS.stream().map(l -> indicator + " " + l).toArray(String[]::new));
        }
    }

    private static void assertRecomputed(IndicatorValue v) {
        String what = v.indicator() + "/" + v.breakdown() + " " + v.divisionCode() + " " + v.year();
        IndicatorTrail trail = reader.trail(v.indicator(), v.divisionCode(), v.year(), v.breakdown())
                .orElseThrow();
        assertExact(trail.numeratorSum(), v.numerator(), "numerator of " + what);
        if (v.denominator() != null) {
            assertExact(trail.denominatorSum(), v.denominator(), "denominator of " + what);
        }
        String text = IndicatorTrailText.render(trail);
        assertThat(text).as(what).doesNotContain("WARNING");
        if (v.numerator() > 0) {
            assertThat(trail.rows()).as("rows behind " + what).isNotEmpty();
        }
    }

    /** Whole numbers (counts, people, yuan in cents) exactly; hours to the rounding of a double. */
    private static void assertExact(BigDecimal parts, Double published, String what) {
        BigDecimal exact = new BigDecimal(published);
        if (exact.stripTrailingZeros().scale() <= 2) {
            assertThat(parts).as(what).isEqualByComparingTo(exact);
        } else {
            assertThat(parts.doubleValue())
                    .as(what)
                    .isCloseTo(published, Assertions.within(1e-9 * Math.max(1, published)));
        }
    }

    @Test
    void theMedianIsCarriedByTheMiddleRowOfTheDivision() {
        IndicatorTrail district =
                reader.trail("dispose_hours", DISTRICT, 2023, "median").orElseThrow();
        assertThat(district.rows())
                .as("E1 10 h, E5 14 h, E7 50 h (district-level); E3 is voided")
                .extracting(LineageRow::factKey, LineageRow::numeratorPart)
                .containsExactlyInAnyOrder(
                        tuple("E1", new BigDecimal("0E-10")),
                        tuple("E5", new BigDecimal("14.0000000000")),
                        tuple("E7", new BigDecimal("0E-10")));
        assertThat(district.value().value()).isEqualTo(14.0);
        IndicatorTrail city =
                reader.trail("dispose_hours", "370100000000", 2023, "").orElseThrow();
        assertThat(city.numeratorSum()).as("mean: 10 + 14 + 50 hours").isEqualByComparingTo("74");
        assertThat(city.denominatorSum()).isEqualByComparingTo("3");
    }

    @Test
    void residentsPerGridAddTheLastReportsOverTheLowestLevelGrids() {
        IndicatorTrail trail =
                reader.trail("grid", STREET, 2023, "residents_per_grid").orElseThrow();
        assertThat(trail.rows())
                .as("乐山 and 大观园's December reports; G01A and G03A are the lowest grids in force"
                        + " (G01B retired in September)")
                .extracting(LineageRow::factTable, LineageRow::factKey)
                .containsExactlyInAnyOrder(
                        tuple("dim_grid", "G01A"),
                        tuple("dim_grid", "G03A"),
                        tuple("fct_community_reports", "370103001001 2023-12"),
                        tuple("fct_community_reports", "370103001002 2023-12"));
        assertThat(trail.value().value()).isEqualTo(1050.0);
    }

    @Test
    void aRatePerTenThousandPrintsItsScale() {
        String text = IndicatorTrailText.render(
                reader.trail("staff_per_10k", STREET, 2023, "").orElseThrow());
        assertThat(text.strip().lines().toList()).as(text).endsWith("value       = 12 / 1200 × 10000 = 100 人/万人");
    }
}
