package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.warehouse.IndicatorTrail;
import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks of a published warehouse against a simulated sample's ground truth, shared by the pipeline ITs. */
final class PublishedIndicators {

    private PublishedIndicators() {}

    /**
     * On the published warehouse: for every indicator code, values sampled at each level (the
     * largest numerator and the first of each breakdown) are recomputed from their lineage rows
     * alone, and over the whole mart no value's parts differ from its numerator or denominator.
     */
    static void assertLineageAddsUp(Path home, int year) {
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            Map<String, List<IndicatorValue>> byIndicatorAndLevel = reader.indicators(null, year).stream()
                    .collect(Collectors.groupingBy(v -> v.indicator() + " " + v.divisionLevel()));
            Set<String> sampled = new TreeSet<>();
            for (List<IndicatorValue> values : byIndicatorAndLevel.values()) {
                List<IndicatorValue> sample = new ArrayList<>();
                values.stream()
                        .max(Comparator.comparing(IndicatorValue::numerator))
                        .ifPresent(sample::add);
                values.stream()
                        .collect(Collectors.toMap(IndicatorValue::breakdown, v -> v, (a, b) -> a))
                        .values()
                        .forEach(sample::add);
                for (IndicatorValue v : sample) {
                    IndicatorTrail trail = reader.trail(v.indicator(), v.divisionCode(), v.year(), v.breakdown())
                            .orElseThrow();
                    String what = v.indicator() + "/" + v.breakdown() + " " + v.divisionCode();
                    assertThat(trail.addsUp())
                            .as("lineage rows of %s recompute %s / %s", what, v.numerator(), v.denominator())
                            .isTrue();
                    if (v.numerator() > 0) {
                        assertThat(trail.rows()).as("rows behind %s", what).isNotEmpty();
                    }
                    sampled.add(v.indicator() + " at " + v.divisionLevel());
                }
            }
            assertThat(sampled)
                    .as("every indicator of the catalogue is traced at every level")
                    .hasSize(18 * 4);
            List<List<Object>> off = reader.query("""
                    SELECT m.indicator, m.breakdown, m.division_code, m.numerator, l.numerator, m.denominator, l.denominator
                    FROM mart_indicators AS m
                    LEFT JOIN (SELECT year, division_code, indicator, breakdown, sum(numerator_part) AS numerator,
                                      sum(denominator_part) AS denominator
                               FROM mart_indicator_lineage GROUP BY ALL) AS l
                        USING (year, division_code, indicator, breakdown)
                    WHERE abs(coalesce(l.numerator, 0) - m.numerator) > 1e-9 * greatest(1, abs(m.numerator))
                       OR abs(coalesce(l.denominator, 0) - m.denominator) > 1e-9 * greatest(1, abs(m.denominator))
                    LIMIT 10""");
            assertThat(off)
                    .as("values whose lineage parts do not add up to them")
                    .isEmpty();
        }
    }

    /**
     * Every indicator and breakdown at every level (city, the districts, streets, communities) equals the
     * value computed from the ground truth, and the warehouse publishes exactly the rows the truth has.
     */
    static void assertMatchTruth(Path home, SampleTruth truth, int year, List<String> districts) throws Exception {
        IndicatorTruth expected = new IndicatorTruth(truth, year);
        List<String> mismatches = new ArrayList<>();
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            List<IndicatorValue> published = reader.indicators(null, year);
            Map<String, Map<String, IndicatorValue>> byDivision = new TreeMap<>();
            for (IndicatorValue v : published) {
                byDivision
                        .computeIfAbsent(v.divisionCode(), k -> new TreeMap<>())
                        .put(v.indicator() + "/" + v.breakdown(), v);
            }
            List<String> divisions = new ArrayList<>(List.of(districts.get(0).substring(0, 4) + "00000000"));
            for (String district : districts) {
                divisions.add(district + "000000");
                divisions.addAll(SampleTruth.divisions("streets.csv.gz", district));
                divisions.addAll(SampleTruth.divisions("villages.csv.gz", district));
            }
            assertThat(byDivision.keySet())
                    .as("the city, the districts, their streets and their communities")
                    .containsExactlyInAnyOrderElementsOf(divisions);
            for (String code : divisions) {
                String prefix = code.startsWith("0000", 4)
                        ? code.substring(0, 4)
                        : code.startsWith("000000", 6)
                                ? code.substring(0, 6)
                                : code.endsWith("000") ? code.substring(0, 9) : code;
                Map<String, Double> truthValues = expected.of(prefix);
                Map<String, IndicatorValue> values = byDivision.get(code);
                if (!values.keySet().equals(truthValues.keySet())) {
                    Set<String> extra = new TreeSet<>(values.keySet());
                    extra.removeAll(truthValues.keySet());
                    Set<String> missing = new TreeSet<>(truthValues.keySet());
                    missing.removeAll(values.keySet());
                    mismatches.add(code + ": published but not in the truth " + extra + ", missing " + missing);
                }
                for (var e : values.entrySet()) {
                    Double want = truthValues.get(e.getKey());
                    double got = e.getValue().value();
                    if (want != null && Math.abs(got - want) > 1e-9 * Math.max(1, Math.abs(want))) {
                        mismatches.add(code + " " + e.getKey() + ": published " + got + ", truth " + want);
                    }
                }
            }
        }
        assertThat(mismatches)
                .as("indicators that differ from the ground truth")
                .isEmpty();
        assertThat(expected.of(districts.get(0)).keySet())
                .as("the sample exercises every indicator of the catalogue")
                .contains(
                        "units/",
                        "units/residents_committee",
                        "units/villagers_committee",
                        "office_ok/",
                        "staff_avg/",
                        "staff_per_10k/",
                        "social_workers/",
                        "volunteer_rate/",
                        "social_orgs/",
                        "space_per_100hh/",
                        "consult/",
                        "purchase/",
                        "grid/",
                        "events/",
                        "close_rate/",
                        "ontime_rate/",
                        "rework_rate/",
                        "satisfaction/",
                        "dispose_hours/",
                        "disputes/");
    }
}
