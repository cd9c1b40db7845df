package io.shequ.orchestration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.warehouse.IndicatorValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The machine formats of {@code ./shequ stats} carry codes and bilingual names. */
class IndicatorTableTest {

    static final List<IndicatorValue> VALUES = List.of(
            new IndicatorValue(
                    2023,
                    "370103001000",
                    "street",
                    "大观园街道",
                    "staff_avg",
                    "",
                    130.0,
                    10.0,
                    13.0,
                    "人/社区",
                    "街道/乡镇",
                    "社区平均专职人员数",
                    "Staff per community"),
            new IndicatorValue(
                    2023,
                    "370103001001",
                    "community",
                    "乐山小区, 北区",
                    "purchase",
                    "category:elderly_care",
                    60327.868852459,
                    null,
                    60327.87,
                    "元",
                    "社区/村",
                    "政府购买服务",
                    "Purchased services"));

    @Test
    void csvHasOneRowPerValueWithCodesAndBilingualNames() {
        List<String> lines =
                print(out -> IndicatorTable.printCsv(VALUES, out)).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo("year,division_code,division_level,division_name,indicator,breakdown,"
                        + "numerator,denominator,value,unit,division_level_zh,indicator_name_zh,indicator_name_en");
        assertThat(lines.get(1))
                .isEqualTo(
                        "2023,370103001000,street,大观园街道,staff_avg,,130,10,13,人/社区,街道/乡镇,社区平均专职人员数,Staff per community");
        assertThat(lines.get(2))
                .as("a name with a comma is quoted; a non-ratio has no denominator")
                .isEqualTo(
                        "2023,370103001001,community,\"乐山小区, 北区\",purchase,category:elderly_care,60327.868852459,,60327.87,元,"
                                + "社区/村,政府购买服务,Purchased services");
    }

    @Test
    void jsonIsAnArrayOfValuesWithCodesAndBilingualNames() throws Exception {
        JsonNode json = new ObjectMapper().readTree(print(out -> {
            try {
                IndicatorTable.printJson(VALUES, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        JsonNode street = json.get(0);
        assertThat(street.path("divisionCode").asText()).isEqualTo("370103001000");
        assertThat(street.path("divisionName").asText()).isEqualTo("大观园街道");
        assertThat(street.path("divisionLevel").asText()).isEqualTo("street");
        assertThat(street.path("divisionLevelZh").asText()).isEqualTo("街道/乡镇");
        assertThat(street.path("indicatorNameEn").asText()).isEqualTo("Staff per community");
        assertThat(street.path("indicatorNameZh").asText()).isEqualTo("社区平均专职人员数");
        assertThat(street.path("value").asDouble()).isEqualTo(13.0);
        assertThat(json.get(1).path("denominator").isNull())
                .as("no denominator for an amount")
                .isTrue();
    }

    private static String print(Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            printer.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
