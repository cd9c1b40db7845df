package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionCode;
import org.junit.jupiter.api.Test;

class NameVariantsTest {

    @Test
    void stripsCommitteeSuffixes() {
        assertThat(NameVariants.core("乐山小区社区居民委员会")).isEqualTo("乐山小区");
        assertThat(NameVariants.core("多福巷社区居委会")).isEqualTo("多福巷");
        assertThat(NameVariants.core("绿化社区")).isEqualTo("绿化");
        assertThat(NameVariants.core("四里村社区居民委员会"))
                .as("a 村 inside a community name stays")
                .isEqualTo("四里村");
        assertThat(NameVariants.core("家窝坡村村民委员会")).as("no 村村 in the short name").isEqualTo("家窝坡");
    }

    @Test
    void shortNamesFollowTheCommitteeKind() {
        Division community =
                new Division(DivisionCode.parse("370103003004"), "乐山小区社区居民委员会", DivisionCode.parse("370103003"));
        Division village =
                new Division(DivisionCode.parse("370103021204"), "小屯村村民委员会", DivisionCode.parse("370103021"));
        assertThat(NameVariants.shortName(community)).isEqualTo("乐山小区社区");
        assertThat(NameVariants.shortName(village)).isEqualTo("小屯村");
    }

    @Test
    void abbreviatesDistrictsByPinyinInitials() {
        assertThat(NameVariants.abbreviation("市中区")).isEqualTo("SZ");
        assertThat(NameVariants.abbreviation("历下区")).isEqualTo("LX");
        assertThat(NameVariants.abbreviation("绿园区")).isEqualTo("LY");
    }
}
