package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * mart_indicator_lineage on the fixture lake: the parts of every traced value add back up to the
 * published numerator and denominator, and the rows behind sampled values are the ones the
 * fixture files say (computed by hand from lake/*.csv).
 */
class MartIndicatorLineageTest extends PublishedFixtureTest {

    static final Set<String> TRACED = Set.of(
            "units",
            "office_ok",
            "staff_avg",
            "staff_per_10k",
            "social_workers",
            "volunteer_rate",
            "social_orgs",
            "space_per_100hh",
            "consult",
            "purchase",
            "grid",
            "events",
            "close_rate",
            "ontime_rate",
            "rework_rate",
            "satisfaction",
            "dispose_hours",
            "disputes");
    static final String STREET = "370103001000";
    static final String DISTRICT = "370103000000";

    @Test
    void everyValueAddsBackUpFromItsRows() {
        List<IndicatorValue> values = reader.indicators(null, null);
        assertThat(values.stream().map(IndicatorValue::indicator).distinct())
                .as("all 18 indicators have values")
                .containsExactlyInAnyOrderElementsOf(TRACED);
        // the whole view at once, not the audit's shortcut through the fact-grain rows
        List<List<Object>> off = reader.query("""
                SELECT m.indicator, m.breakdown, m.division_code, m.numerator, l.numerator, m.denominator, l.denominator
                FROM mart_indicators AS m
                LEFT JOIN (SELECT year, division_code, indicator, breakdown, sum(numerator_part) AS numerator,
                                  sum(denominator_part) AS denominator
                           FROM mart_indicator_lineage GROUP BY ALL) AS l
                    USING (year, division_code, indicator, breakdown)
                WHERE abs(coalesce(l.numerator, 0) - m.numerator) > 1e-9 * greatest(1, abs(m.numerator))
                   OR abs(coalesce(l.denominator, 0) - m.denominator) > 1e-9 * greatest(1, abs(m.denominator))""");
        assertThat(off).as("values whose lineage parts do not add up to them").isEmpty();
        long withRows = (Long) reader.query("SELECT count(*) FROM (SELECT DISTINCT year, division_code, indicator,"
                        + " breakdown FROM mart_indicator_lineage)")
                .get(0)
                .get(0);
        assertThat(withRows).as("most values have rows behind them").isGreaterThan(values.size() / 2);
        assertThat(reader.query("SELECT DISTINCT indicator FROM mart_indicator_lineage").stream()
                        .map(row -> (String) row.get(0)))
                .as("lineage only of traced indicators")
                .allMatch(TRACED::contains);
        assertThat(reader.query(ClasspathText.read("queries/lineage_parts_add_up.sql")))
                .as("the publish audit's own query agrees")
                .isEmpty();
    }

    @Test
    void staffAverageOfTheStreetComesFromTheLastReportWithAStaffFigure() {
        IndicatorTrail trail = reader.trail("staff_avg", STREET, 2023, "").orElseThrow();
        assertThat(trail.rows())
                .as("大观园社区's December report has no staff figure, its June report is not the last")
                .extracting(LineageRow::factKey, LineageRow::source, LineageRow::sourceRow)
                .containsExactly(Tuple.tuple("370103001001 2023-12", "daguanyuan-2023-12.csv", "3"));
        assertThat(trail.value().value()).isEqualTo(12.0);
        assertThat(trail.divisionPath())
                .extracting(IndicatorTrail.DivisionName::code)
                .containsExactly("370100000000", "370103000000", STREET);
    }

    @Test
    void purchaseOfTheStreetIsTheServiceYearShareOfEachContractRow() {
        IndicatorTrail trail = reader.trail("purchase", STREET, 2023, "").orElseThrow();
        BigDecimal halfYearOfP1 = new BigDecimal("120000")
                .multiply(BigDecimal.valueOf(184))
                .divide(BigDecimal.valueOf(366), 10, RoundingMode.HALF_UP);
        assertThat(trail.rows())
                .extracting(LineageRow::factKey)
                .as("P1 for both communities (184 of 366 days in 2023) and the whole-street P3; not the district's P2")
                .containsExactly("P1 → 370103001001", "P1 → 370103001002", "P3 → 370103001000");
        assertThat(trail.numeratorSum())
                .isEqualByComparingTo(
                        halfYearOfP1.multiply(BigDecimal.valueOf(2)).add(new BigDecimal("50000")));
        assertThat(trail.value().value()).isEqualTo(170655.74);
    }

    @Test
    void projectsAndProvidersCountOnceEach() {
        IndicatorTrail providers =
                reader.trail("purchase", STREET, 2023, "providers").orElseThrow();
        assertThat(providers.rows()).as("three contract rows, one provider").hasSize(3);
        assertThat(providers.numeratorSum()).isEqualByComparingTo("1");
        assertThat(reader.trail("purchase", STREET, 2023, "projects")
                        .orElseThrow()
                        .numeratorSum())
                .as("P1 and P3")
                .isEqualByComparingTo("2");
    }

    @Test
    void explainEndsWithTheArithmeticThatGivesTheValue() {
        String text = IndicatorTrailText.render(
                reader.trail("volunteer_rate", STREET, 2023, "").orElseThrow());
        assertThat(text)
                .as(text)
                .contains("volunteer_rate (注册志愿者比率 / Registered volunteer rate), 2023, headline")
                .contains("济南市 370100000000 › 市中区 370103000000 › 大观园街道 370103001000")
                .contains("daguanyuan-2023-12.csv  3")
                .contains("daguanyuan-2023-12.csv  4")
                .doesNotContain("daguanyuan-2023-06.csv")
                .doesNotContain("WARNING");
        List<String> lines = text.strip().lines().toList();
        assertThat(lines.subList(lines.size() - 3, lines.size()))
                .containsExactly(
                        "numerator   = 150 + 60 = 210",
                        "denominator = 1200 + 900 = 2100",
                        "value       = 210 / 2100 = 0.1 ratio");
    }

    @Test
    void aValueThatWasNotPublishedHasNoTrail() {
        assertThat(reader.trail("close_rate", STREET, 1999, "")).isEmpty();
        assertThat(reader.trail("no_such_indicator", STREET, 2023, "")).isEmpty();
    }

    @Test
    void aTrailSumsAllItsRowsBySourceAndChildDivisionAndListsTheFirst() {
        IndicatorTrail trail = reader.trail("close_rate", DISTRICT, 2023, "", 2).orElseThrow();

        assertThat(trail.summary().rows())
                .as("E1, E2, E5, E7 registered in 2023; E3 voided, E4 not registered, E6 in 2024")
                .isEqualTo(4);
        assertThat(trail.numeratorSum()).as("E1, E5, E7 closed").isEqualByComparingTo("3");
        assertThat(trail.denominatorSum()).isEqualByComparingTo("4");
        assertThat(trail.summary().bySource())
                .extracting(
                        TrailSummary.Group::key,
                        TrailSummary.Group::rows,
                        g -> g.numerator().intValue(),
                        g -> g.denominator().intValue())
                .containsExactly(tuple("grid_system.event", 4L, 3, 4));
        assertThat(trail.summary().byChild())
                .extracting(
                        TrailSummary.Group::key,
                        TrailSummary.Group::rows,
                        g -> g.numerator().intValue(),
                        g -> g.denominator().intValue())
                .as("E7 names only the district; E1, E2 are in 大观园街道, E5 in the town 370103100")
                .containsExactly(tuple(DISTRICT, 1L, 1, 1), tuple(STREET, 2L, 1, 2), tuple("370103100000", 1L, 1, 1));
        assertThat(trail.rows())
                .extracting(LineageRow::factKey)
                .as("the first two in source order")
                .containsExactly("E1", "E2");
        assertThat(trail.complete()).isFalse();
        assertThat(trail.addsUp())
                .as("the summary covers every row, not only those listed")
                .isTrue();

        String text = IndicatorTrailText.render(trail);
        assertThat(text)
                .as(text)
                .contains("4 contributing rows: numerator 3, denominator 4")
                .contains("first 2 of 4 rows")
                .contains("numerator   = Σ of 4 rows = 3")
                .doesNotContain("WARNING");
    }

    @Test
    void theLineageIsDerivedByQueryAndNothingIsStoredPerValueAndRow() {
        List<String> views =
                reader
                        .query("SELECT view_name FROM duckdb_views() WHERE view_name LIKE '%lineage%'" + " ORDER BY 1")
                        .stream()
                        .map(r -> (String) r.get(0))
                        .toList();
        assertThat(views)
                .containsExactly(
                        "int_lineage_contributions",
                        "int_lineage_events",
                        "int_lineage_grid",
                        "int_lineage_purchase",
                        "int_lineage_reports",
                        "int_lineage_units",
                        "mart_indicator_lineage");
        assertThat(reader.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%lineage%'"))
                .as("no lineage table")
                .isEmpty();
    }

    @Test
    void everyFactRowCountsAtMostOnceInAValue() {
        assertThat(reader.query("SELECT year, division_code, indicator, breakdown, fact_table, fact_key, count(*)"
                        + " FROM mart_indicator_lineage GROUP BY ALL HAVING count(*) > 1"))
                .isEmpty();
        assertThat(reader.query("SELECT count(*) FROM mart_indicator_lineage")
                        .get(0)
                        .get(0))
                .as("the fixture's lineage has rows at every level")
                .isEqualTo(reader.query("SELECT count(*) FROM mart_indicator_lineage WHERE division_level IN"
                                + " ('city', 'district', 'street', 'community')")
                        .get(0)
                        .get(0));
    }
}
