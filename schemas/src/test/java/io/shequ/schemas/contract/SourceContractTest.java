package io.shequ.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceContractTest {

    @Test
    void streetOfficeReportHasTheFourteenFieldsOfTheInterface() {
        SourceContract contract = SourceContract.load(SourceContract.STREET_OFFICE_REPORT);
        assertThat(contract.name()).isEqualTo("street-office-report");
        assertThat(contract.fields())
                .extracting(FieldSpec::name)
                .containsExactly(
                        "community_name",
                        "households",
                        "registered_population",
                        "resident_population",
                        "fulltime_staff",
                        "social_workers",
                        "office_area_m2",
                        "volunteers",
                        "social_orgs",
                        "consult_platforms",
                        "consult_meetings",
                        "matters_public",
                        "matters_livelihood",
                        "matters_disputes");
        assertThat(contract.requiredFields())
                .as("only the community name is required")
                .extracting(FieldSpec::name)
                .containsExactly("community_name");

        FieldSpec community = contract.field("community_name").orElseThrow();
        assertThat(community.type()).isEqualTo(FieldType.TEXT);
        assertThat(community.aliases())
                .as("the spellings issue 3 names, first the canonical one")
                .startsWith("社区名称")
                .contains("社区", "居委会名称", "单位名称", "社区(村)名称", "村(社区)名称");
        assertThat(contract.field("households").orElseThrow().aliases()).contains("户数", "总户数");
        assertThat(contract.field("resident_population").orElseThrow().aliases())
                .contains("常住人口", "常住人口数", "常住人口(人)");
        assertThat(contract.field("fulltime_staff").orElseThrow().aliases()).contains("专职工作人员", "社区专职工作者");
        assertThat(contract.field("office_area_m2").orElseThrow().aliases()).contains("办公服务用房面积(㎡)", "办公用房面积（平方米）");
        assertThat(contract.field("volunteers").orElseThrow().aliases()).contains("注册志愿者", "注册志愿者人数");

        FieldSpec resident = contract.field("resident_population").orElseThrow();
        assertThat(resident.type()).isEqualTo(FieldType.COUNT);
        assertThat(resident.max()).isEqualByComparingTo("2000000");
        assertThat(contract.field("fulltime_staff").orElseThrow().max()).isEqualByComparingTo("500");
        FieldSpec area = contract.field("office_area_m2").orElseThrow();
        assertThat(area.type()).isEqualTo(FieldType.AREA);
        assertThat(area.max()).isEqualByComparingTo("100000");
        assertThat(area.descriptionEn()).contains("m²");

        assertThat(contract.fields().stream().filter(f -> f.type() == FieldType.COUNT))
                .as("every count has min 0")
                .allSatisfy(f -> assertThat(f.min()).isEqualByComparingTo("0"));
        assertThat(contract.fields().stream().filter(f -> f.type().isNumeric()))
                .as("every count and area has a sane ceiling, so a population of a billion is out_of_range")
                .allSatisfy(f -> assertThat(f.max()).isNotNull());
        assertThat(contract.field("households").orElseThrow().max()).isEqualByComparingTo("1000000");
    }

    @Test
    void procurementLedgerHasTheTwelveColumnsOfTheInterface() {
        SourceContract contract = SourceContract.load(SourceContract.PROCUREMENT_LEDGER);
        assertThat(contract.name()).isEqualTo("procurement-ledger");
        assertThat(contract.fields())
                .extracting(FieldSpec::name)
                .containsExactly(
                        "project_no",
                        "project_name",
                        "purchaser",
                        "provider_name",
                        "provider_credit_code",
                        "service_category",
                        "served",
                        "contract_amount",
                        "signed_date",
                        "service_period",
                        "funding_source",
                        "evaluation_grade");
        assertThat(contract.fields().stream().filter(f -> !f.required()))
                .extracting(FieldSpec::name)
                .containsExactly("purchaser", "funding_source", "evaluation_grade");
        assertThat(contract.field("contract_amount").orElseThrow().type()).isEqualTo(FieldType.AMOUNT);
        assertThat(contract.field("contract_amount").orElseThrow().aliases()).contains("合同金额(万元)");
        assertThat(contract.field("signed_date").orElseThrow().type()).isEqualTo(FieldType.DATE);
        assertThat(contract.field("service_period").orElseThrow().type()).isEqualTo(FieldType.DATE_RANGE);
        assertThat(contract.field("served").orElseThrow().aliases()).startsWith("服务社区", "服务对象");
        assertThat(contract.field("nope")).isEmpty();
    }

    @Test
    void aUsersFileAddsSpellingsWithoutARebuild(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                name: my-report
                fields:
                  - name: community_name
                    aliases: [社区名称, 社区（村）]
                    type: TEXT
                    required: true
                  - name: households
                    aliases: [户数（户）]
                    type: COUNT
                    min: 0
                    max: 50000.5
                    description_zh: 户数
                """);
        SourceContract contract = SourceContract.load(file);
        assertThat(contract.name()).isEqualTo("my-report");
        FieldSpec households = contract.fields().get(1);
        assertThat(households)
                .isEqualTo(new FieldSpec(
                        "households",
                        List.of("户数（户）"),
                        FieldType.COUNT,
                        false,
                        BigDecimal.ZERO,
                        new BigDecimal("50000.5"),
                        "户数",
                        null));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "name: x\\nfields: []|fields",
                "fields:\\n  - {name: a, type: TEXT}|name",
                "name: x\\nfields:\\n  - {name: a, type: NUMBER}|fields[0].type",
                "name: x\\nfields:\\n  - {name: a}|fields[0].type",
                "name: x\\nfields:\\n  - {type: TEXT}|fields[0].name",
                "name: x\\nfields:\\n  - {name: Bad Name, type: TEXT}|fields[0].name",
                "name: x\\nfields:\\n  - {name: a, type: TEXT}\\n  - {name: a, type: COUNT}|fields[1].name",
                "name: x\\nfields:\\n  - {name: a, type: TEXT, requried: true}|fields[0].requried",
                "name: x\\nfields:\\n  - {name: a, type: TEXT, required: yes please}|fields[0].required",
                "name: x\\nfields:\\n  - {name: a, type: COUNT, min: zero}|fields[0].min",
                "name: x\\nfields:\\n  - {name: a, type: TEXT, max: 5}|fields[0].max",
                "name: x\\nfields:\\n  - {name: a, type: COUNT, min: 5, max: 1}|fields[0].min",
                "name: x\\nfields:\\n  - {name: a, type: TEXT, aliases: 社区}|fields[0].aliases",
                "name: x\\nfields:\\n  - {name: a, type: TEXT, aliases: [社区, '']}|fields[0].aliases[1]",
                "name: x\\nversion: 2\\nfields:\\n  - {name: a, type: TEXT}|version",
                "name: x\\nfields: [ {name: a|YAML"
            })
    void anInvalidFileIsRejectedNamingTheFileAndTheKey(String yaml, String key, @TempDir Path dir) throws IOException {
        Path file = write(dir, yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> SourceContract.load(file))
                .as("the message must let a user find the mistake")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(key);
    }

    @Test
    void datesAreBoundedByTheContractAndByDefault(@TempDir Path dir) throws IOException {
        SourceContract ledger = SourceContract.load(SourceContract.PROCUREMENT_LEDGER);
        assertThat(ledger.field("signed_date").orElseThrow().dates())
                .isEqualTo(new DateBounds(LocalDate.of(1949, 10, 1), 1));
        assertThat(ledger.field("service_period").orElseThrow().dates().latest(LocalDate.of(2024, 5, 1)))
                .as("a service period may run ten years past the run's year")
                .isEqualTo(LocalDate.of(2034, 12, 31));
        assertThat(ledger.field("contract_amount").orElseThrow().dates())
                .as("no date bounds on an amount")
                .isNull();
        SourceContract own = SourceContract.load(write(dir, """
                name: mine
                fields:
                  - {name: signed, type: DATE}
                  - {name: opened, type: DATE, earliest: 1990-01-01, latest_years_after_run: 0}
                """));
        assertThat(own.field("signed").orElseThrow().dates())
                .as("a user's contract without bounds still has them")
                .isEqualTo(DateBounds.DEFAULT);
        assertThat(own.field("opened").orElseThrow().dates()).isEqualTo(new DateBounds(LocalDate.of(1990, 1, 1), 0));
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> SourceContract.load("contracts/nope.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contracts/nope.yml");
    }

    @Test
    void boundsAreInclusiveAndNullIsUnbounded() {
        FieldSpec staff = SourceContract.load(SourceContract.STREET_OFFICE_REPORT)
                .field("fulltime_staff")
                .orElseThrow();
        assertThat(staff.withinBounds(new BigDecimal("500")))
                .as("max is inclusive")
                .isTrue();
        assertThat(staff.withinBounds(new BigDecimal("501"))).isFalse();
        assertThat(staff.withinBounds(new BigDecimal("-1"))).isFalse();
        assertThat(staff.withinBounds(null)).as("no value breaks no bound").isTrue();
        assertThat(staff.headerSpellings())
                .first()
                .as("the canonical name is a spelling too")
                .isEqualTo("fulltime_staff");
    }

    private static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("contract.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
