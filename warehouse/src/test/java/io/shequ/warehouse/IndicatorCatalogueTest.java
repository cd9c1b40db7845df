package io.shequ.warehouse;

import static io.shequ.warehouse.MartIndicatorsTest.COMMUNITY_A;
import static io.shequ.warehouse.MartIndicatorsTest.COMMUNITY_B;
import static io.shequ.warehouse.MartIndicatorsTest.DISTRICT;
import static io.shequ.warehouse.MartIndicatorsTest.STREET;
import static io.shequ.warehouse.MartIndicatorsTest.TOWN;
import static io.shequ.warehouse.MartIndicatorsTest.VILLAGE_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indicators of the catalogue beyond the first five, on the fixture lake (lake/*.csv), against
 * figures computed by hand from the fixture rows: stock versus flow, report bases, the closed
 * loop of events, medians, grids in force, and the wide views per level.
 */
class IndicatorCatalogueTest {

    @TempDir
    static Path dir;

    static WarehouseReaderFixture warehouse;

    @BeforeAll
    static void build() throws Exception {
        Path file = new WarehouseBuilder().build(new TestLake(dir.resolve("lake")).standard(), dir.resolve("w.duckdb"));
        warehouse = new WarehouseReaderFixture(file);
    }

    @AfterAll
    static void close() throws Exception {
        warehouse.close();
    }

    /** {numerator, denominator, value} of one row, or empty. */
    static Optional<List<Double>> figure(String indicator, String breakdown, String code, int year) throws Exception {
        Object n = warehouse.single("SELECT count(*) FROM mart_indicators WHERE indicator = '" + indicator
                + "' AND breakdown = '" + breakdown + "' AND division_code = '" + code + "' AND year = " + year);
        if (((Number) n).longValue() == 0) {
            return Optional.empty();
        }
        String where = " FROM mart_indicators WHERE indicator = '" + indicator + "' AND breakdown = '" + breakdown
                + "' AND division_code = '" + code + "' AND year = " + year;
        return Optional.of(Arrays.asList(
                number("SELECT numerator" + where),
                number("SELECT denominator" + where),
                number("SELECT value" + where)));
    }

    static List<Double> get(String indicator, String breakdown, String code, int year) throws Exception {
        return figure(indicator, breakdown, code, year)
                .orElseThrow(
                        () -> new AssertionError("no " + indicator + "/" + breakdown + " for " + code + " in " + year));
    }

    static double value(String indicator, String breakdown, String code, int year) throws Exception {
        return get(indicator, breakdown, code, year).get(2);
    }

    private static Double number(String sql) throws Exception {
        Object v = warehouse.single(sql);
        return v == null ? null : ((Number) v).doubleValue();
    }

    @Test
    void officeSpaceComplianceTakesTheLastReportNotTheBestOne() throws Exception {
        assertThat(get("office_ok", "", STREET, 2023))
                .as("A's 350 m² counts, B's December 280 m² does not (June's 320 is not its stock)")
                .containsExactly(1.0, 2.0, 0.5);
        assertThat(get("office_ok", "", DISTRICT, 2023))
                .as("陡沟村 reports no area: not in the base")
                .containsExactly(1.0, 2.0, 0.5);
        assertThat(figure("office_ok", "", VILLAGE_C, 2023)).isEmpty();
    }

    @Test
    void staffPerTenThousandAndSpacePerHundredHouseholdsUseCommunitiesReportingBoth() throws Exception {
        assertThat(get("staff_per_10k", "", DISTRICT, 2023))
                .as("(12 + 4) staff over 1200 + 500 residents; B reports no staff")
                .containsExactly(16.0, 1700.0, 16 * 10000.0 / 1700);
        assertThat(get("space_per_100hh", "", DISTRICT, 2023))
                .as("(350 + 280) m² over 400 + 310 households")
                .containsExactly(630.0, 710.0, 630 * 100.0 / 710);
        assertThat(value("space_per_100hh", "", COMMUNITY_A, 2024)).isCloseTo(360 * 100.0 / 410, within(1e-12));
    }

    @Test
    void socialWorkersAndOrganizationsCountAndPerCommunity() throws Exception {
        assertThat(get("social_workers", "", DISTRICT, 2023))
                .as("A's 3, B unknown, C's 0")
                .containsExactly(3.0, null, 3.0);
        assertThat(get("social_workers", "per_community", DISTRICT, 2023)).containsExactly(3.0, 2.0, 1.5);
        assertThat(figure("social_workers", "", COMMUNITY_B, 2023))
                .as("unknown is not zero")
                .isEmpty();
        assertThat(get("social_orgs", "", DISTRICT, 2023))
                .as("last reports 5 + 3 + 1, not June's")
                .containsExactly(9.0, null, 9.0);
        assertThat(get("social_orgs", "per_community", DISTRICT, 2023)).containsExactly(9.0, 3.0, 3.0);
    }

    @Test
    void consultationPlatformsAreAStockMeetingsAndMattersAreFlows() throws Exception {
        assertThat(value("consult", "platforms", DISTRICT, 2023))
                .as("December: 2 + 1 + 1")
                .isEqualTo(4.0);
        assertThat(value("consult", "meetings", COMMUNITY_A, 2023))
                .as("June 6 + December 4")
                .isEqualTo(10.0);
        assertThat(value("consult", "meetings", COMMUNITY_B, 2023))
                .as("June 3 + December unknown")
                .isEqualTo(3.0);
        assertThat(value("consult", "meetings", DISTRICT, 2023)).isEqualTo(15.0);
        assertThat(value("consult", "matters_disputes", DISTRICT, 2023))
                .as("(2+1) + (4+1) + 3")
                .isEqualTo(11.0);
        assertThat(value("consult", "", COMMUNITY_A, 2023))
                .as("public 4 + livelihood 7 + disputes 3")
                .isEqualTo(14.0);
        assertThat(value("consult", "", DISTRICT, 2023)).isEqualTo(14.0 + 10 + 5);
        assertThat(value("consult", "", COMMUNITY_A, 2024))
                .as("only 2024's report")
                .isEqualTo(2.0);
    }

    @Test
    void eventsPerThousandResidentsLeaveVoidedEventsOut() throws Exception {
        assertThat(value("events", "count", DISTRICT, 2023))
                .as("E1, E2, E4 (unregistered), E5, E7; voided E3 out")
                .isEqualTo(5.0);
        assertThat(get("events", "", DISTRICT, 2023))
                .as("per 1,000 of 2600 residents")
                .containsExactly(5.0, 2600.0, 5 * 1000.0 / 2600);
        assertThat(value("events", "category:01", DISTRICT, 2023)).isEqualTo(3.0);
        assertThat(value("events", "channel:patrol", DISTRICT, 2023))
                .as("E1, E5; E3 voided")
                .isEqualTo(2.0);
        assertThat(value("events", "count", STREET, 2023))
                .as("E7 names only the district")
                .isEqualTo(3.0);
        assertThat(value("events", "count", COMMUNITY_B, 2023))
                .as("E6 belongs to 2024")
                .isEqualTo(0.0);
        assertThat(value("events", "count", COMMUNITY_B, 2024)).isEqualTo(1.0);
    }

    @Test
    void closedLoopRatesAreOverRegisteredEvents() throws Exception {
        assertThat(get("ontime_rate", "", DISTRICT, 2023))
                .as("E1 and E7 on time, E5 late, E2 open")
                .containsExactly(2.0, 4.0, 0.5);
        assertThat(get("rework_rate", "", DISTRICT, 2023))
                .as("E2 and E5 sent back; voided E3 not counted")
                .containsExactly(2.0, 4.0, 0.5);
        assertThat(get("satisfaction", "", DISTRICT, 2023))
                .as("满意 E1, 基本满意 E5 of 3 rated")
                .containsExactly(2.0, 3.0, 2.0 / 3);
        assertThat(get("ontime_rate", "", TOWN, 2023)).containsExactly(0.0, 1.0, 0.0);
    }

    @Test
    void disposalHoursHaveAMeanAndAMedian() throws Exception {
        assertThat(get("dispose_hours", "", DISTRICT, 2023))
                .as("mean of 10, 14, 50")
                .containsExactly(74.0, 3.0, 74.0 / 3);
        assertThat(value("dispose_hours", "median", DISTRICT, 2023)).isEqualTo(14.0);
        assertThat(value("dispose_hours", "median", COMMUNITY_A, 2023))
                .as("voided E3's hour is not counted")
                .isEqualTo(10.0);
        assertThat(figure("dispose_hours", "", COMMUNITY_B, 2023)).isEmpty();
    }

    @Test
    void disputesAddClosedDisputeEventsAndDisputesSettledByConsultation() throws Exception {
        assertThat(value("disputes", "events", DISTRICT, 2023))
                .as("E1; E2 open, E3 voided, E4 not closed")
                .isEqualTo(1.0);
        assertThat(value("disputes", "consultation", DISTRICT, 2023)).isEqualTo(11.0);
        assertThat(value("disputes", "", DISTRICT, 2023)).isEqualTo(12.0);
        assertThat(value("disputes", "", COMMUNITY_A, 2023)).isEqualTo(1.0 + 3);
    }

    @Test
    void gridsInForceAtYearEndByLevelAndResidentsPerLowestGrid() throws Exception {
        assertThat(value("grid", "", DISTRICT, 2023))
                .as("G01, G01A, G03, G03A; G01B retired, G02 not yet, GX inferred")
                .isEqualTo(4.0);
        assertThat(value("grid", "level:2", DISTRICT, 2023)).isEqualTo(2.0);
        assertThat(value("grid", "lowest_level", DISTRICT, 2023)).isEqualTo(2.0);
        assertThat(get("grid", "residents_per_grid", DISTRICT, 2023)).containsExactly(2600.0, 2.0, 1300.0);
        assertThat(value("grid", "", COMMUNITY_A, 2024))
                .as("G03A moved to A in 2024 (type 2)")
                .isEqualTo(3.0);
        assertThat(value("grid", "", COMMUNITY_B, 2024)).isEqualTo(1.0);
        assertThat(value("grid", "lowest_level", COMMUNITY_B, 2024))
                .as("G03 has no child left")
                .isEqualTo(1.0);
        assertThat(value("grid", "", TOWN, 2024)).isEqualTo(1.0);
    }

    @Test
    void wideViewsHoldTheHeadlineOfEveryIndicatorPerLevel() throws Exception {
        assertThat(number("SELECT staff_avg FROM mart_indicators_district WHERE year = 2023 AND division_code = '"
                        + DISTRICT + "'"))
                .isEqualTo(8.0);
        assertThat(number("SELECT dispose_hours_median FROM mart_indicators_district WHERE year = 2023"))
                .isEqualTo(14.0);
        assertThat(number("SELECT count(*) FROM mart_indicators_street WHERE year = 2023"))
                .as("大观园街道, 党家庄镇")
                .isEqualTo(2.0);
        assertThat(number("SELECT count(*) FROM mart_indicators_community WHERE year = 2024"))
                .isEqualTo(4.0);
        assertThat(number("SELECT units FROM mart_indicators_city WHERE year = 2023"))
                .isEqualTo(4.0);
        assertThat(number("SELECT count(*) FROM (SELECT * FROM mart_indicators WHERE breakdown = '' AND year = 2023"
                        + " AND division_level = 'district')"))
                .as("one column per headline")
                .isEqualTo(
                        number(
                                "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'mart_indicators_district'"
                                        + " AND column_name NOT IN ('year', 'division_code', 'division_name', 'dispose_hours_median')"));
        assertThat((String) warehouse.single(
                        "SELECT comment FROM duckdb_columns() WHERE table_name = 'mart_indicators_city'"
                                + " AND column_name = 'close_rate'"))
                .as("bilingual column comment")
                .contains("结案率")
                .contains("Closure rate");
    }
}
