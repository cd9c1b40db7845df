package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mart_indicators on the fixture lake (lake/*.csv), against figures computed by hand. */
class MartIndicatorsTest {

    static final String CITY = "370100000000";
    static final String DISTRICT = "370103000000";
    static final String STREET = "370103001000";
    static final String TOWN = "370103100000";
    static final String COMMUNITY_A = "370103001001";
    static final String COMMUNITY_B = "370103001002";
    static final String VILLAGE_C = "370103100201";
    static final String VILLAGE_NEW = "370103100202";

    @TempDir
    static Path home;

    static List<IndicatorValue> rows;

    @BeforeAll
    static void buildAndRead() throws Exception {
        TestLake.publishStandard(home);
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            rows = reader.indicators(null, null);
        }
    }

    static Optional<IndicatorValue> find(String indicator, String breakdown, String code, int year) {
        return rows.stream()
                .filter(r -> r.indicator().equals(indicator)
                        && r.breakdown().equals(breakdown)
                        && r.divisionCode().equals(code)
                        && r.year() == year)
                .findFirst();
    }

    static IndicatorValue get(String indicator, String breakdown, String code, int year) {
        return find(indicator, breakdown, code, year)
                .orElseThrow(
                        () -> new AssertionError("no " + indicator + "/" + breakdown + " for " + code + " in " + year));
    }

    @Test
    void listsTheCurrentDivisionsOfTheDistrictsInTheFactsForEveryFactYear() {
        Set<String> divisions = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        rows.forEach(r -> {
            divisions.add(r.divisionCode() + " " + r.divisionLevel() + " " + r.divisionName());
            years.add(r.year());
        });
        assertThat(years)
                .as("report years, event years, service years and the 2022 signing")
                .containsOnly(2022, 2023, 2024);
        assertThat(divisions)
                .as("current units of 市中区 and its city; not the province, 历下区 or dissolved units")
                .containsExactlyInAnyOrder(
                        CITY + " city 济南市", DISTRICT + " district 市中区",
                        STREET + " street 大观园街道", TOWN + " street 党家庄镇",
                        COMMUNITY_A + " community 乐山小区社区", COMMUNITY_B + " community 大观园社区",
                        VILLAGE_C + " community 陡沟村", VILLAGE_NEW + " community 新村");
        assertThat(rows.stream()
                        .map(r -> r.year() + r.divisionCode() + r.indicator() + "/" + r.breakdown())
                        .distinct())
                .as("one row per year, division, indicator and breakdown")
                .hasSize(rows.size());
    }

    @Test
    void unitsCountVillageLevelUnitsInForceAtYearEndByKind() {
        assertThat(get("units", "", STREET, 2022).value())
                .as("旧城社区 still in force at the end of 2022")
                .isEqualTo(3.0);
        assertThat(get("units", "", STREET, 2023).value())
                .as("旧城社区 dissolved mid-2023; renamed 乐山 once")
                .isEqualTo(2.0);
        assertThat(get("units", "residents_committee", STREET, 2023).value()).isEqualTo(2.0);
        assertThat(get("units", "villagers_committee", STREET, 2023).value())
                .as("dense zero")
                .isEqualTo(0.0);
        assertThat(get("units", "", TOWN, 2023).value())
                .as("新村 founded in 2024")
                .isEqualTo(1.0);
        assertThat(get("units", "", TOWN, 2024).value()).isEqualTo(2.0);
        assertThat(get("units", "", DISTRICT, 2023).value()).isEqualTo(3.0);
        assertThat(get("units", "villagers_committee", DISTRICT, 2023).value()).isEqualTo(1.0);
        assertThat(get("units", "", CITY, 2023).value())
                .as("the city counts 历下区's community too")
                .isEqualTo(4.0);
        assertThat(get("units", "", COMMUNITY_A, 2023).value()).isEqualTo(1.0);
        assertThat(get("units", "", COMMUNITY_A, 2023).unit()).isEqualTo("个");
        assertThat(get("units", "", COMMUNITY_A, 2023).denominator()).isNull();
    }

    @Test
    void staffAverageTakesEachCommunitysLastReportOfTheYear() {
        assertThat(get("staff_avg", "", COMMUNITY_A, 2023).value())
                .as("December's 12 wins over June's 10")
                .isEqualTo(12.0);
        assertThat(find("staff_avg", "", COMMUNITY_B, 2023))
                .as("B's last report has no staff figure")
                .isEmpty();
        IndicatorValue street = get("staff_avg", "", STREET, 2023);
        assertThat(List.of(street.numerator(), street.denominator(), street.value()))
                .as("A only")
                .containsExactly(12.0, 1.0, 12.0);
        IndicatorValue district = get("staff_avg", "", DISTRICT, 2023);
        assertThat(List.of(district.numerator(), district.denominator(), district.value()))
                .as("(12 + 4) / 2 communities")
                .containsExactly(16.0, 2.0, 8.0);
        assertThat(get("staff_avg", "", CITY, 2023).value()).isEqualTo(8.0);
        assertThat(get("staff_avg", "", COMMUNITY_A, 2024).value()).isEqualTo(11.0);
        assertThat(district.unit()).isEqualTo("人/社区");
    }

    @Test
    void volunteerRateSumsVolunteersOverResidentsOfCommunitiesReportingBoth() {
        assertThat(get("volunteer_rate", "", COMMUNITY_A, 2023).value()).isEqualTo(150.0 / 1200);
        assertThat(get("volunteer_rate", "", COMMUNITY_B, 2023).value())
                .as("B's last report still has volunteers")
                .isEqualTo(60.0 / 900);
        assertThat(find("volunteer_rate", "", VILLAGE_C, 2023))
                .as("陡沟村 reports no volunteers")
                .isEmpty();
        IndicatorValue district = get("volunteer_rate", "", DISTRICT, 2023);
        assertThat(List.of(district.numerator(), district.denominator(), district.value()))
                .as("陡沟村's 500 residents are not in the base")
                .containsExactly(210.0, 2100.0, 0.1);
        assertThat(district.unit()).isEqualTo("ratio");
    }

    @Test
    void purchaseIsSpreadOverServiceYearsProRataByDays() {
        double share2023 = 120000.0 * 184 / 366;
        double share2024 = 120000.0 * 182 / 366;
        IndicatorValue a2023 = get("purchase", "", COMMUNITY_A, 2023);
        assertThat(a2023.numerator()).as("184 of 366 days in 2023").isCloseTo(share2023, within(1e-6));
        assertThat(a2023.value()).as("rounded to the fen").isEqualTo(60327.87);
        assertThat(get("purchase", "", COMMUNITY_A, 2024).numerator()).isCloseTo(share2024, within(1e-6));
        assertThat(a2023.numerator() + get("purchase", "", COMMUNITY_A, 2024).numerator())
                .as("the years add up to the allocation")
                .isCloseTo(120000.0, within(1e-6));
        assertThat(a2023.unit()).isEqualTo("元");
        assertThat(get("purchase", "", VILLAGE_C, 2023).value())
                .as("dense zero")
                .isEqualTo(0.0);
    }

    @Test
    void streetAndDistrictContractsCountAtTheirLevelAndAboveOnly() {
        assertThat(get("purchase", "", STREET, 2023).value())
                .as("A + B + the whole-street P3")
                .isEqualTo(170655.74);
        assertThat(get("purchase", "", COMMUNITY_A, 2023).value())
                .as("P3 is not split into communities")
                .isEqualTo(60327.87);
        assertThat(get("purchase", "", DISTRICT, 2023).value()).isEqualTo(170655.74);
        assertThat(get("purchase", "", DISTRICT, 2024).value())
                .as("P1's 2024 part + the whole-district P2")
                .isEqualTo(155944.26);
        assertThat(get("purchase", "", CITY, 2024).value()).isEqualTo(155944.26);
        assertThat(get("purchase", "", STREET, 2024).value())
                .as("P2 is not split into streets")
                .isEqualTo(119344.26);
        assertThat(get("purchase", "", TOWN, 2024).value()).isEqualTo(0.0);
        assertThat(get("purchase", "", COMMUNITY_B, 2024).value()).isEqualTo(59672.13);
    }

    @Test
    void purchaseBreakdownsSignedCategoriesProjectsProvidersAndPerResident() {
        assertThat(get("purchase", "signed", DISTRICT, 2023).value())
                .as("P1 and P2 signed in 2023")
                .isEqualTo(276600.0);
        assertThat(get("purchase", "signed", DISTRICT, 2022).value()).isEqualTo(50000.0);
        assertThat(get("purchase", "signed", STREET, 2023).value()).isEqualTo(240000.0);
        assertThat(get("purchase", "signed", COMMUNITY_A, 2023).value()).isEqualTo(120000.0);
        assertThat(get("purchase", "category:elderly_care", DISTRICT, 2024).value())
                .isEqualTo(119344.26);
        assertThat(get("purchase", "category:social_work", DISTRICT, 2024).value())
                .isEqualTo(36600.0);
        assertThat(find("purchase", "category:social_work", DISTRICT, 2023)).isEmpty();
        assertThat(get("purchase", "projects", DISTRICT, 2023).value())
                .as("P1, P3")
                .isEqualTo(2.0);
        assertThat(get("purchase", "providers", DISTRICT, 2023).value())
                .as("one provider runs P1 and P3")
                .isEqualTo(1.0);
        assertThat(get("purchase", "projects", DISTRICT, 2024).value()).isEqualTo(2.0);
        assertThat(get("purchase", "providers", DISTRICT, 2024).value()).isEqualTo(2.0);
        assertThat(get("purchase", "projects", STREET, 2024).value()).isEqualTo(1.0);
        assertThat(get("purchase", "projects", TOWN, 2023).value()).isEqualTo(0.0);
        IndicatorValue perResident = get("purchase", "per_resident", DISTRICT, 2023);
        assertThat(perResident.denominator()).as("1200 + 900 + 500 residents").isEqualTo(2600.0);
        assertThat(perResident.value()).isCloseTo((2 * 120000.0 * 184 / 366 + 50000) / 2600, within(1e-9));
        assertThat(perResident.unit()).isEqualTo("元/人");
    }

    @Test
    void closeRateCountsRegisteredEventsThatAreNotVoided() {
        IndicatorValue a = get("close_rate", "", COMMUNITY_A, 2023);
        assertThat(List.of(a.numerator(), a.denominator(), a.value()))
                .as("E1 closed, E2 open; voided E3 and unregistered E4 left out")
                .containsExactly(1.0, 2.0, 0.5);
        assertThat(get("close_rate", "", TOWN, 2023).value()).isEqualTo(1.0);
        IndicatorValue district = get("close_rate", "", DISTRICT, 2023);
        assertThat(List.of(district.numerator(), district.denominator()))
                .as("E1, E2, E5 and E7, which names only the district")
                .containsExactly(3.0, 4.0);
        assertThat(get("close_rate", "", STREET, 2023).denominator())
                .as("E7 is not in any street")
                .isEqualTo(2.0);
        assertThat(find("close_rate", "", COMMUNITY_B, 2023))
                .as("no events, no rate")
                .isEmpty();
        assertThat(get("close_rate", "", COMMUNITY_B, 2024).value())
                .as("E6 belongs to its report year")
                .isEqualTo(1.0);
    }
}
