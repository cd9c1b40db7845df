package io.shequ.jobs.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.NbsDivisions;
import io.shequ.schemas.name.DivisionAliases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivisionResolverTest {

    private static final DivisionCode QINGSHAN = DivisionCode.parse("150204");
    private static final DivisionCode CHAOYANG = DivisionCode.parse("110105");
    private static NbsDivisions qingshanNbs;
    private static DivisionResolver qingshan;
    private static DivisionResolver chaoyang;

    @BeforeAll
    static void load() {
        qingshanNbs = NbsDivisions.bundled2023(List.of(QINGSHAN));
        qingshan = new DivisionResolver(qingshanNbs, List.of(QINGSHAN));
        chaoyang = new DivisionResolver(NbsDivisions.bundled2023(List.of(CHAOYANG)), List.of(CHAOYANG));
    }

    @Test
    void theCuratedAliasTellsTheOfficialStreetOfAMisspeltOne() {
        Resolution viaAlias = qingshan.street("先锋路街道");
        assertThat(viaAlias.code()).as("seed 004's 先锋路街道 is 先锋道街道").isEqualTo("150204001000");
        assertThat(viaAlias.method()).isEqualTo(Resolution.Method.ALIAS);
        assertThat(qingshan.street("先锋路街道办事处").code())
                .as("the alias is matched normalised")
                .isEqualTo("150204001000");

        Resolution withoutAlias =
                new DivisionResolver(qingshanNbs, List.of(QINGSHAN), DivisionAliases.none()).street("先锋路街道");
        assertThat(withoutAlias.resolved())
                .as("one changed character of a short name is no match without an alias")
                .isFalse();
        assertThat(withoutAlias.failure()).isEqualTo(Resolution.Failure.UNKNOWN);
        assertThat(withoutAlias.candidates().get(0).name())
                .as("the best candidate is offered")
                .isEqualTo("先锋道街道");
    }

    @Test
    void matchesOfficialNormalisedAndSimilarNamesWithinTheStreet() {
        assertThat(qingshan.community("150204001000", "北嘉社区居委会"))
                .isEqualTo(Resolution.of("150204001021", Resolution.Method.EXACT));
        assertThat(qingshan.community("150204001000", "先锋道街道 北嘉社区居民委员会"))
                .isEqualTo(Resolution.of("150204001021", Resolution.Method.NORMALISED));
        assertThat(qingshan.community("150204006000", "青山路5号社区"))
                .as("5号 for 五号: close to one unit and clearly closer than to any other")
                .isEqualTo(Resolution.of("150204006020", Resolution.Method.SIMILARITY));
        assertThat(qingshan.community("150204101000", "沙尔庆窑村"))
                .isEqualTo(Resolution.of("150204101203", Resolution.Method.SIMILARITY));
    }

    @Test
    void aNameAsCloseToTwoUnitsIsAmbiguousWithBothCandidates() {
        Resolution r = qingshan.community("150204005000", "迎宾社区");
        assertThat(r.failure()).as("迎宾一 and 迎宾二 are equally close").isEqualTo(Resolution.Failure.AMBIGUOUS);
        assertThat(r.candidates()).extracting(Resolution.Candidate::code).startsWith("150204005024", "150204005032");
        assertThat(r.reason()).contains("迎宾一社区居委会", "迎宾二社区居委会");
    }

    @Test
    void theSameCoreNameInTwoStreetsIsAmbiguousWhenTheStreetIsUnknown() {
        Resolution r = chaoyang.communityInDistrict("110105000000", "豆各庄村");
        assertThat(r.failure()).isEqualTo(Resolution.Failure.AMBIGUOUS);
        assertThat(r.candidates())
                .extracting(Resolution.Candidate::code)
                .containsExactlyInAnyOrder("110105030200", "110105041200");
        assertThat(chaoyang.community("110105041000", "豆各庄村").code())
                .as("within its street the name is clear")
                .isEqualTo("110105041200");
    }

    @Test
    void aStreetWithBothACommunityAndAVillageOfOneNameNeedsTheSuffix() {
        Resolution bare = chaoyang.community("110105036000", "楼梓庄");
        assertThat(bare.failure()).isEqualTo(Resolution.Failure.AMBIGUOUS);
        assertThat(bare.candidates())
                .extracting(Resolution.Candidate::code)
                .containsExactlyInAnyOrder("110105036003", "110105036206");
        assertThat(chaoyang.community("110105036000", "楼梓庄村").code()).isEqualTo("110105036206");
        assertThat(chaoyang.community("110105036000", "楼梓庄社区").code()).isEqualTo("110105036003");
    }

    @Test
    void aUserAliasInTheHomeConfirmsAQuarantinedName(@TempDir Path home) throws IOException {
        Resolution before = qingshan.community("150204001000", "北嘉小区");
        assertThat(before.resolved())
                .as("北嘉小区 is not close enough to 北嘉 to be taken")
                .isFalse();
        assertThat(before.candidates()).extracting(Resolution.Candidate::code).contains("150204001021");

        Path file = Files.createDirectories(home.resolve("reference")).resolve(DivisionAliases.FILE_NAME);
        Files.writeString(
                file,
                "scope,written,official,note\n"
                        + "150204001,北嘉小区,150204001021,confirmed by the street office, 2024-03\n",
                StandardCharsets.UTF_8);
        DivisionResolver confirmed =
                new DivisionResolver(qingshanNbs, List.of(QINGSHAN), DivisionAliases.bundledWithUser(file));
        assertThat(confirmed.community("150204001000", "北嘉小区"))
                .isEqualTo(Resolution.of("150204001021", Resolution.Method.ALIAS));
        assertThat(confirmed.street("先锋路街道").code())
                .as("the curated aliases still apply")
                .isEqualTo("150204001000");
    }

    @Test
    void servedTextsNameTheDistrictAStreetOrEachCommunity() {
        assertThat(qingshan.served("全区", "青山区民政局", null).codes()).containsExactly("150204000000");
        Served street = qingshan.served("先锋道街道各社区", "青山区民政局", null);
        assertThat(street.codes()).containsExactly("150204001000");
        assertThat(street.level()).isEqualTo("township");
        assertThat(qingshan.served("全街道", "幸福路街道办事处", null).codes()).containsExactly("150204002000");
        Served list = qingshan.served("北嘉社区，青园社区;光荣社区", "青山区民政局", null);
        assertThat(list.codes()).containsExactly("150204001021", "150204001022", "150204001024");
        assertThat(list.rule()).isEqualTo("equal_split");

        Served bad = qingshan.served("北嘉社区、迎宾社区", "青山区民政局", null);
        assertThat(bad.codes()).as("one unresolvable part quarantines the row").isEmpty();
        assertThat(bad.failure()).isEqualTo(Resolution.Failure.AMBIGUOUS);
        assertThat(bad.reason()).contains("迎宾社区");
    }

    @Test
    void servedCellsSplitOnEverySeparatorPeopleUse() {
        assertThat(qingshan.served("北嘉社区和光荣社区", "青山区民政局", null).codes())
                .as("和 between two names")
                .containsExactly("150204001021", "150204001024");
        assertThat(qingshan.served("北嘉社区及青园社区与光荣社区", "青山区民政局", null).codes())
                .as("及 and 与 in one cell")
                .containsExactly("150204001021", "150204001022", "150204001024");
        assertThat(qingshan.served("北嘉社区 青园社区／光荣社区", "青山区民政局", null).codes())
                .as("a space and a full-width slash")
                .containsExactly("150204001021", "150204001022", "150204001024");
        assertThat(qingshan.served("永和窑子村、青园社区", "青山区民政局", null).codes())
                .as("和 inside a real name stays")
                .containsExactly("150204001022", "150204101201");

        Served unknown = qingshan.served("北嘉社区 火星社区", "青山区民政局", null);
        assertThat(unknown.codes()).isEmpty();
        assertThat(unknown.reason())
                .as("the part that does not resolve is named")
                .contains("'火星社区'");
        Served unknownAfterAnd = qingshan.served("北嘉社区和火星社区", "青山区民政局", null);
        assertThat(unknownAfterAnd.codes())
                .as("a split is taken only when every piece resolves")
                .isEmpty();
        assertThat(unknownAfterAnd.reason()).contains("北嘉社区和火星社区");
    }

    @Test
    void aServedNameCarryingItsStreetsNameResolves() {
        assertThat(qingshan.served("先锋道街道北嘉社区", "青山区民政局", null).codes())
                .as("street prefix, district purchaser")
                .containsExactly("150204001021");
        assertThat(qingshan.served("先锋道北嘉社区、幸福路街道阳光社区", "青山区民政局", null).codes())
                .as("prefix without 街道, and two streets in one cell")
                .containsExactly("150204001021", "150204002021");
        assertThat(qingshan.served("兴胜镇兴胜窑子村", "青山区民政局", null).codes())
                .as("a town's name as prefix")
                .containsExactly("150204101208");
        assertThat(qingshan.served("幸福路街道阳光社区", "幸福路街道办事处", null).codes())
                .as("the purchasing street's own name")
                .containsExactly("150204002021");
    }
}
