package io.shequ.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.contract.HeaderIssue.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderMatcherTest {

    private final HeaderMatcher report = new HeaderMatcher(SourceContract.load(SourceContract.STREET_OFFICE_REPORT));
    private final HeaderMatcher ledger = new HeaderMatcher(SourceContract.load(SourceContract.PROCUREMENT_LEDGER));

    @Test
    void mapsColumnsToFieldsWhateverTheSpelling() {
        HeaderMapping mapping = report.match(
                        List.of("序号", "社区（村）名称", "总户数", "户籍人口 (人)", "常住人口数", "办公用房面积（平方米）", "注册志愿者(人)", "备注"))
                .orElseThrow();
        assertThat(mapping.columns()).hasSize(6);
        assertThat(mapping.fieldAt(1))
                .map(FieldSpec::name)
                .as("full-width brackets")
                .contains("community_name");
        assertThat(mapping.fieldAt(2)).map(FieldSpec::name).contains("households");
        assertThat(mapping.fieldAt(3)).map(FieldSpec::name).as("spaces inside").contains("registered_population");
        assertThat(mapping.fieldAt(5)).map(FieldSpec::name).contains("office_area_m2");
        assertThat(mapping.fieldAt(0)).as("序号 is no field").isEmpty();
        assertThat(mapping.columnOf("volunteers")).hasValue(6);
        assertThat(mapping.columnOf("social_orgs")).as("optional and absent").isEmpty();
        assertThat(mapping.issues())
                .as("序号 and 备注 are ignored by the contract, so nothing to report")
                .isEmpty();
    }

    @Test
    void unitSymbolsAndHalfWidthFormsMatchTheirAlias() {
        assertThat(report.match(List.of("社区", "办公服务用房面积(m²)")))
                .get()
                .extracting(m -> m.fieldAt(1).map(FieldSpec::name).orElse(null))
                .as("㎡ in the alias and m² in the header both fold to m2")
                .isEqualTo("office_area_m2");
        assertThat(report.match(List.of("*社区名称", "户数\n(户)")))
                .get()
                .extracting(m -> m.columns().size())
                .as("asterisk and line break ignored")
                .isEqualTo(2);
        assertThat(report.match(List.of("COMMUNITY_NAME")))
                .as("the canonical name matches too")
                .isPresent();
    }

    @Test
    void aRowWithoutEveryRequiredFieldIsNotAHeader() {
        HeaderMatch result = ledger.examine(List.of("项目编号", "项目名称", "承接主体", "合同金额(万元)"));
        assertThat(result.isComplete()).isFalse();
        assertThat(result.missingNames())
                .as("the required fields the row lacks, in contract order")
                .containsExactly("provider_credit_code", "service_category", "served", "signed_date", "service_period");
        assertThat(result.mapping().columnOf("contract_amount")).hasValue(3);
        assertThat(ledger.match(List.of("项目编号", "项目名称", "承接主体", "合同金额(万元)"))).isEmpty();
    }

    @Test
    void aCompleteLedgerHeader() {
        List<String> header = List.of(
                "项目编号", "项目名称", "购买主体", "承接主体", "统一社会信用代码", "服务类别", "服务对象", "合同金额（元）", "签订日期", "起止日期", "资金来源", "评估等级");
        HeaderMatch result = ledger.examine(header);
        assertThat(result.isComplete()).isTrue();
        assertThat(result.mapping().columns()).hasSize(12);
        assertThat(result.mapping().issues()).isEmpty();
        assertThat(result.mapping().columnOf("served")).hasValue(6);
    }

    @Test
    void twoColumnsForOneFieldTheFirstWins() {
        HeaderMapping mapping = ledger.match(
                        List.of("项目编号", "项目名称", "承接主体", "统一社会信用代码", "服务类别", "服务社区", "服务对象", "合同金额", "签订日期", "服务期限"))
                .orElseThrow();
        assertThat(mapping.columnOf("served")).as("服务社区 comes first").hasValue(5);
        assertThat(mapping.fieldAt(6)).as("服务对象 is ignored").isEmpty();
        assertThat(mapping.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(Kind.DUPLICATE_COLUMN);
            assertThat(issue.column()).isEqualTo(6);
            assertThat(issue.message()).contains("服务对象").contains("served").contains("column 6");
        });
    }

    @Test
    void anAliasOfTwoFieldsIsReportedAndReadAsNeither(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.yml");
        Files.writeString(file, """
                name: clash
                fields:
                  - {name: staff, aliases: [人员], type: COUNT}
                  - {name: volunteers, aliases: [人员, 志愿者], type: COUNT}
                """);
        HeaderMapping mapping = new HeaderMatcher(SourceContract.load(file))
                .examine(List.of("人员"))
                .mapping();
        assertThat(mapping.fieldAt(0)).as("never guessed").isEmpty();
        assertThat(mapping.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(Kind.AMBIGUOUS_HEADER);
            assertThat(issue.fields()).containsExactly("staff", "volunteers");
        });
    }

    @Test
    void headersNoAliasListsAreReadByTheirVariantWithANote() throws IOException {
        List<String[]> cases = novelHeaders();
        assertThat(cases).as("the test resource holds cases").hasSizeGreaterThan(10);
        for (String[] c : cases) {
            SourceContract contract = SourceContract.load(SourceContract.STREET_OFFICE_REPORT);
            assertThat(contract.fields().stream().flatMap(f -> f.aliases().stream()))
                    .as("'%s' must be a spelling the contract does not list", c[0])
                    .doesNotContain(c[0]);
            HeaderMapping mapping = report.examine(List.of("社区名称", c[0])).mapping();
            if (c[1].equals("unknown")) {
                assertThat(mapping.fieldAt(1)).as("'%s' names no field", c[0]).isEmpty();
                assertThat(mapping.issues())
                        .as(c[0])
                        .extracting(HeaderIssue::kind, HeaderIssue::header)
                        .containsExactly(Tuple.tuple(Kind.UNKNOWN_HEADER, c[0]));
            } else {
                assertThat(mapping.fieldAt(1))
                        .map(FieldSpec::name)
                        .as("'%s' is read as %s", c[0], c[1])
                        .contains(c[1]);
            }
        }
    }

    @Test
    void aVariantIsNotedWithTheAliasItDiffersFrom() {
        HeaderMapping mapping = report.examine(List.of("社区名称", "办结民生事项（件）")).mapping();
        assertThat(mapping.fieldAt(1)).map(FieldSpec::name).contains("matters_livelihood");
        assertThat(mapping.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(Kind.HEADER_VARIANT);
            assertThat(issue.fields()).containsExactly("matters_livelihood");
            assertThat(issue.message())
                    .as("names the column, the alias and the word class")
                    .contains("column 2")
                    .contains("议定民生事项")
                    .contains("settled");
        });
    }

    @Test
    void aVariantThatCouldBeTwoFieldsIsReportedNeverGuessed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.yml");
        Files.writeString(file, """
                name: clash
                word_classes:
                  settled: [议定, 化解, 办结]
                fields:
                  - {name: community_name, type: TEXT, required: true}
                  - {name: agreed, aliases: [议定事项], type: COUNT}
                  - {name: resolved, aliases: [化解事项], type: COUNT}
                """);
        HeaderMapping mapping = new HeaderMatcher(SourceContract.load(file))
                .examine(List.of("community_name", "办结事项"))
                .mapping();
        assertThat(mapping.fieldAt(1)).as("办结 is a word of both").isEmpty();
        assertThat(mapping.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(Kind.AMBIGUOUS_HEADER);
            assertThat(issue.fields()).containsExactly("agreed", "resolved");
        });
    }

    @Test
    void everySpellingOfTheBundledContractsNamesItsOwnFieldOnly() {
        for (String resource : List.of(SourceContract.STREET_OFFICE_REPORT, SourceContract.PROCUREMENT_LEDGER)) {
            SourceContract contract = SourceContract.load(resource);
            HeaderMatcher matcher = new HeaderMatcher(contract);
            for (FieldSpec field : contract.fields()) {
                for (String spelling : field.headerSpellings()) {
                    HeaderMapping mapping = matcher.examine(List.of(spelling)).mapping();
                    assertThat(mapping.fieldAt(0))
                            .map(FieldSpec::name)
                            .as("%s in %s", spelling, resource)
                            .contains(field.name());
                    assertThat(mapping.issues())
                            .as("%s in %s", spelling, resource)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void anUnknownHeaderIsReportedWithItsColumn() {
        HeaderMapping mapping = report.examine(List.of("社区名称", "户数", "网格数")).mapping();
        assertThat(mapping.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(Kind.UNKNOWN_HEADER);
            assertThat(issue.column()).isEqualTo(2);
            assertThat(issue.message()).contains("column 3").contains("网格数");
        });
    }

    private static List<String[]> novelHeaders() throws IOException {
        try (var in = HeaderMatcherTest.class.getResourceAsStream("/contract/novel-report-headers.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("header,"))
                    .map(l -> l.split(",", 2))
                    .toList();
        }
    }

    @Test
    void findsTheHeaderBelowTitleRows() {
        List<List<String>> rows = List.of(
                List.of("七里山街道2023年第一季度社区基本情况统计表"),
                List.of("填报单位：七里山街道办事处", "", "", "填报日期：2023-04-05"),
                List.of(),
                Arrays.asList("社区名称", "户数", null, "常住人口"),
                List.of("乐山小区社区", "1,234", "", "3000"));
        assertThat(report.findHeader(rows)).as("row 3 is the header, alone").hasValueSatisfying(span -> {
            assertThat(span.start()).isEqualTo(3);
            assertThat(span.rows()).isEqualTo(1);
        });
        assertThat(report.findHeader(rows.subList(0, 3)))
                .as("no header among titles")
                .isEmpty();
        assertThat(report.findHeader(List.of())).isEmpty();
    }

    @Test
    void readsAGroupHeadingOverItsSubColumnsAsOneHeader() {
        // 社区名称 and 户数 merged over two rows (filled into both), 协商议事 and 矛盾纠纷 merged across their sub-columns
        List<List<String>> rows = List.of(
                List.of("七里山街道2023年第一季度社区基本情况统计表"),
                List.of("社区名称", "户数", "协商议事", "协商议事", "矛盾纠纷"),
                List.of("社区名称", "户数", "平台数", "会议次数", "化解数"),
                List.of("乐山小区社区", "1,234", "2", "5", "3"));
        HeaderSpan span = report.findHeader(rows).orElseThrow();
        assertThat(span.start()).as("starts at the group heading").isEqualTo(1);
        assertThat(span.rows()).as("group heading and sub-headings").isEqualTo(2);
        assertThat(span.match().mapping().columnOf("consult_platforms"))
                .as("协商议事 + 平台数")
                .hasValue(2);
        assertThat(span.match().mapping().columnOf("consult_meetings"))
                .as("协商议事 + 会议次数")
                .hasValue(3);
        assertThat(span.match().mapping().columnOf("matters_disputes"))
                .as("矛盾纠纷 + 化解数")
                .hasValue(4);
        assertThat(span.match().mapping().columnOf("households"))
                .as("a vertical merge is not doubled")
                .hasValue(1);
    }

    @Test
    void readsAUnitRowUnderTheHeaderAsPartOfIt() {
        List<List<String>> rows =
                List.of(List.of("社区名称", "户数", "常住人口"), List.of("", "(户)", "(人)"), List.of("乐山小区社区", "1234", "3000"));
        HeaderSpan span = report.findHeader(rows).orElseThrow();
        assertThat(span.rows()).as("the unit row continues the header").isEqualTo(2);
        assertThat(span.match().mapping().columnOf("resident_population")).hasValue(2);
    }

    @Test
    void neverReadsADataRowAsHeader() {
        List<List<String>> rows = List.of(
                List.of("社区名称", "户数", "常住人口"), List.of("乐山小区社区", "暂无", "约3000"), List.of("英雄山社区", "1234", "3000"));
        HeaderSpan span = report.findHeader(rows).orElseThrow();
        assertThat(span.rows())
                .as("a text-only data row breaks the header's columns")
                .isEqualTo(1);
    }

    @Test
    void normalizesHeadersForComparison() {
        assertThat(HeaderMatcher.normalizeHeader(" 办公用房面积（平方米） ")).isEqualTo("办公用房面积(平方米)");
        assertThat(HeaderMatcher.normalizeHeader("办公服务用房面积(㎡)")).isEqualTo("办公服务用房面积(m2)");
        assertThat(HeaderMatcher.normalizeHeader(null)).isEmpty();
    }
}
