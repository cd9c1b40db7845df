package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * mart_indicator_lineage on the fixture lake: the parts of every traced value add back up to the
 * published numerator and denominator, and the rows behind sampled values are the ones the
 * fixture files say (computed by hand from lake/*.csv).
 */
class MartIndicatorLineageTest extends PublishedFixtureTest {

    static final Set<String> TRACED = Set.of("units", "office_ok", "staff_avg", "staff_per_10k", "social_workers",
            "volunteer_rate", "social_orgs", "space_per_100hh", "consult", "purchase", "grid", "events", "close_rate",
            "ontime_rate", "rework_rate", "satisfaction", "dispose_hours", "disputes");
    static final String STREET = "370103001000";

    @Test
    void everyTracedValueAddsBackUpFromItsRows() {
        List<IndicatorValue> values = reader.indicators(null, null).stream()
                .filter(v -> TRACED.contains(v.indicator())).toList();
        assertThat(values.stream().map(IndicatorValue::indicator).distinct()).as("all 18 indicators have values")
                .containsExactlyInAnyOrderElementsOf(TRACED);
        int withRows = 0;
        for (IndicatorValue v : values) {
            IndicatorTrail trail = reader.trail(v.indicator(), v.divisionCode(), v.year(), v.breakdown()).orElseThrow();
            String what = v.indicator() + "/" + v.breakdown() + " " + v.divisionCode() + " " + v.year();
            assertThat(trail.numeratorSum().doubleValue()).as("numerator of " + what).isCloseTo(v.numerator(),
                    org.assertj.core.api.Assertions.within(1e-6));
            if (v.denominator() != null) {
                assertThat(trail.denominatorSum().doubleValue()).as("denominator of " + what)
                        .isEqualTo(v.denominator());
            }
            assertThat(trail.addsUp()).as(what).isTrue();
            withRows += trail.rows().isEmpty() ? 0 : 1;
        }
        assertThat(withRows).as("most values have rows behind them").isGreaterThan(values.size() / 2);
        assertThat(reader.query("SELECT DISTINCT indicator FROM mart_indicator_lineage").stream()
                .map(row -> (String) row.get(0))).as("lineage only of traced indicators").allMatch(TRACED::contains);
    }

    @Test
    void staffAverageOfTheStreetComesFromTheLastReportWithAStaffFigure() {
        IndicatorTrail trail = reader.trail("staff_avg", STREET, 2023, "").orElseThrow();
        assertThat(trail.rows()).as("大观园社区's December report has no staff figure, its June report is not the last")
                .extracting(LineageRow::factKey, LineageRow::source, LineageRow::sourceRow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("370103001001 2023-12", "daguanyuan-2023-12.csv", "3"));
        assertThat(trail.value().value()).isEqualTo(12.0);
        assertThat(trail.divisionPath()).extracting(IndicatorTrail.DivisionName::code)
                .containsExactly("370100000000", "370103000000", STREET);
    }

    @Test
    void purchaseOfTheStreetIsTheServiceYearShareOfEachContractRow() {
        IndicatorTrail trail = reader.trail("purchase", STREET, 2023, "").orElseThrow();
        BigDecimal halfYearOfP1 = new BigDecimal("120000").multiply(BigDecimal.valueOf(184))
                .divide(BigDecimal.valueOf(366), 10, RoundingMode.HALF_UP);
        assertThat(trail.rows()).extracting(LineageRow::factKey)
                .as("P1 for both communities (184 of 366 days in 2023) and the whole-street P3; not the district's P2")
                .containsExactly("P1 → 370103001001", "P1 → 370103001002", "P3 → 370103001000");
        assertThat(trail.numeratorSum()).isEqualByComparingTo(halfYearOfP1.multiply(BigDecimal.valueOf(2)).add(new BigDecimal("50000")));
        assertThat(trail.value().value()).isEqualTo(170655.74);
    }

    @Test
    void projectsAndProvidersCountOnceEach() {
        IndicatorTrail providers = reader.trail("purchase", STREET, 2023, "providers").orElseThrow();
        assertThat(providers.rows()).as("three contract rows, one provider").hasSize(3);
        assertThat(providers.numeratorSum()).isEqualByComparingTo("1");
        assertThat(reader.trail("purchase", STREET, 2023, "projects").orElseThrow().numeratorSum())
                .as("P1 and P3").isEqualByComparingTo("2");
    }

    @Test
    void explainEndsWithTheArithmeticThatGivesTheValue() {
        String text = IndicatorTrailText.render(reader.trail("volunteer_rate", STREET, 2023, "").orElseThrow());
        assertThat(text).as(text)
                .contains("volunteer_rate (注册志愿者比率 / Registered volunteer rate), 2023, headline")
                .contains("济南市 370100000000 › 市中区 370103000000 › 大观园街道 370103001000")
                .contains("daguanyuan-2023-12.csv  3")
                .contains("daguanyuan-2023-12.csv  4")
                .doesNotContain("daguanyuan-2023-06.csv")
                .doesNotContain("WARNING");
        List<String> lines = text.strip().lines().toList();
        assertThat(lines.subList(lines.size() - 3, lines.size())).containsExactly(
                "numerator   = 150 + 60 = 210",
                "denominator = 1200 + 900 = 2100",
                "value       = 210 / 2100 = 0.1 ratio");
    }

    @Test
    void aValueThatWasNotPublishedHasNoTrail() {
        assertThat(reader.trail("close_rate", STREET, 1999, "")).isEmpty();
        assertThat(reader.trail("no_such_indicator", STREET, 2023, "")).isEmpty();
    }
}
