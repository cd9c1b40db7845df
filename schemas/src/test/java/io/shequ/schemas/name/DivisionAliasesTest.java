package io.shequ.schemas.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DivisionAliasesTest {

    @Test
    void theBundledListMapsSeed004sStreetWithinQingshan() {
        DivisionAliases aliases = DivisionAliases.bundled();
        assertThat(aliases.find(DivisionCode.parse("150204"), DivisionLevel.TOWNSHIP, "先锋路街道"))
                .map(a -> a.official().value())
                .contains("150204001000");
        assertThat(aliases.find(DivisionCode.parse("150204003"), DivisionLevel.TOWNSHIP, "先锋路街道办事处"))
                .as("a context inside the scope, another spelling of the suffix")
                .isPresent();
        assertThat(aliases.find(DivisionCode.parse("370103"), DivisionLevel.TOWNSHIP, "先锋路街道"))
                .as("outside its scope the alias does not apply")
                .isEmpty();
    }

    @Test
    void aUserLineOverridesTheSameScopeAndNameAndNotesMayHoldCommas() throws IOException {
        DivisionAliases user = DivisionAliases.parse(new StringReader("""
                # confirmed names
                scope,written,official,note
                150204,先锋路街道,150204002,wrongly confirmed, then corrected
                150204001,北嘉小区社区,150204001021,
                """), "user");
        DivisionAliases merged = DivisionAliases.bundled().overriddenBy(user);
        assertThat(merged.find(DivisionCode.parse("150204"), DivisionLevel.TOWNSHIP, "先锋路"))
                .map(a -> a.official().value())
                .contains("150204002000");
        assertThat(merged.find(DivisionCode.parse("150204001"), DivisionLevel.VILLAGE, "北嘉小区居委会"))
                .map(DivisionAliases.Alias::note)
                .contains("");
    }

    @Test
    void aMalformedLineNamesItsOriginAndLine() {
        assertThatThrownBy(() -> DivisionAliases.parse(
                        new StringReader("scope,written,official,note\n15020x,先锋路,150204001,\n"),
                        "home/reference/division-aliases.csv"))
                .hasMessageContaining("division-aliases.csv line 2");
    }
}
