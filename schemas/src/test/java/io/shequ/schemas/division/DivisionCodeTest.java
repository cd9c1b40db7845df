package io.shequ.schemas.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodeTest {

    @ParameterizedTest
    @CsvSource({
        "37,           370000000000, PROVINCE",
        "3701,         370100000000, CITY",
        "370103,       370103000000, DISTRICT",
        "370103021,    370103021000, TOWNSHIP",
        "370103021200, 370103021200, VILLAGE"
    })
    void parsesEveryLengthTheReferenceFilesUse(String digits, String twelve, DivisionLevel level) {
        DivisionCode code = DivisionCode.parse(digits);
        assertThat(code.value())
                .as("short forms are padded with zeros to 12 digits")
                .isEqualTo(twelve);
        assertThat(code.level())
                .as("level is the deepest non-zero part of %s", digits)
                .isEqualTo(level);
        assertThat(code.shortForm())
                .as("shortForm gives back the digits the level owns")
                .isEqualTo(digits);
    }

    @Test
    void stripsSurroundingSpaces() {
        assertThat(DivisionCode.parse(" 370103 ").value())
                .as("cells arrive with spaces")
                .isEqualTo("370103000000");
    }

    @ParameterizedTest
    @CsvSource({
        "370103001, STREET_OFFICE", "370103099, STREET_OFFICE",
        "370103100, TOWN", "370103199, TOWN",
        "370103200, TOWNSHIP", "370103399, TOWNSHIP",
        "370103400, DEVELOPMENT_ZONE", "370103599, DEVELOPMENT_ZONE"
    })
    void townshipKindFollowsTheNbsRanges(String digits, DivisionKind kind) {
        assertThat(DivisionCode.parse(digits).kind())
                .as("township part of %s", digits)
                .isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({
        "370103002001, RESIDENTS_COMMITTEE",
        "370103002199, RESIDENTS_COMMITTEE",
        "370103002200, VILLAGERS_COMMITTEE",
        "370103002399, VILLAGERS_COMMITTEE",
        "370103002400, RESIDENTS_COMMITTEE",
        "370103002498, RESIDENTS_COMMITTEE",
        "370103002499, RESIDENTS_COMMITTEE",
        "370103002500, VILLAGERS_COMMITTEE",
        "370103002599, VILLAGERS_COMMITTEE"
    })
    void villageKindFollowsTheNbsRanges(String digits, DivisionKind kind) {
        assertThat(DivisionCode.parse(digits).kind())
                .as("village part of %s", digits)
                .isEqualTo(kind);
    }

    @Test
    void upperLevelsHaveTheirOwnKinds() {
        assertThat(DivisionCode.parse("37").kind()).as("province").isEqualTo(DivisionKind.PROVINCE);
        assertThat(DivisionCode.parse("3701").kind()).as("city").isEqualTo(DivisionKind.CITY);
        assertThat(DivisionCode.parse("370103").kind()).as("district").isEqualTo(DivisionKind.DISTRICT);
        assertThat(DivisionKind.RESIDENTS_COMMITTEE.isCommunity())
                .as("residents' committees are communities")
                .isTrue();
        assertThat(DivisionKind.VILLAGERS_COMMITTEE.isCommunity())
                .as("villages are not")
                .isFalse();
    }

    @Test
    void kindOutsideTheRangesIsAnError() {
        assertThatThrownBy(() -> DivisionCode.parse("370103600").kind())
                .as("no NBS range covers township part 600")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("600");
        assertThatThrownBy(() -> DivisionCode.parse("370103002600").kind())
                .as("no NBS range covers village part 600")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("600");
    }

    @Test
    void ancestorsAndParents() {
        DivisionCode village = DivisionCode.parse("370103021200");
        assertThat(village.ancestor(DivisionLevel.TOWNSHIP))
                .as("党家街道 contains 党家庄东村")
                .isEqualTo(DivisionCode.parse("370103021"));
        assertThat(village.ancestor(DivisionLevel.DISTRICT)).isEqualTo(DivisionCode.parse("370103"));
        assertThat(village.ancestor(DivisionLevel.CITY)).isEqualTo(DivisionCode.parse("3701"));
        assertThat(village.ancestor(DivisionLevel.PROVINCE)).isEqualTo(DivisionCode.parse("37"));
        assertThat(village.ancestor(DivisionLevel.VILLAGE))
                .as("a unit is its own ancestor at its level")
                .isEqualTo(village);
        assertThat(village.parent()).as("parent is one level up").isEqualTo(DivisionCode.parse("370103021"));
        assertThat(DivisionCode.parse("370103").parent()).isEqualTo(DivisionCode.parse("3701"));
        assertThat(DivisionCode.parse("37").parent())
                .as("a province has no parent")
                .isNull();
        assertThatThrownBy(() -> DivisionCode.parse("370103").ancestor(DivisionLevel.VILLAGE))
                .as("a district has no village ancestor")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isWithin() {
        DivisionCode village = DivisionCode.parse("370103021200");
        assertThat(village.isWithin(DivisionCode.parse("370103")))
                .as("inside its district")
                .isTrue();
        assertThat(village.isWithin(DivisionCode.parse("37")))
                .as("inside its province")
                .isTrue();
        assertThat(village.isWithin(village)).as("a unit is within itself").isTrue();
        assertThat(village.isWithin(DivisionCode.parse("370102")))
                .as("not in a neighbouring district")
                .isFalse();
        assertThat(DivisionCode.parse("370103").isWithin(village))
                .as("a district is not inside its village")
                .isFalse();
        assertThat(DivisionCode.parse("371030").isWithin(DivisionCode.parse("3710")))
                .as("prefix of the level's digits, not of the text: 3710 is a city, 371030 a district in it")
                .isTrue();
        assertThat(DivisionCode.parse("370103").isWithin(DivisionCode.parse("3710")))
                .isFalse();
    }

    @Test
    void dongguanHasNoDistrictLevelSoItsAreaCodeIsItsCityCode() {
        // NBS writes 441900 for 东莞市's area row; with district part 00 it can only be the city.
        assertThat(DivisionCode.parse("441900")).isEqualTo(DivisionCode.parse("4419"));
        assertThat(DivisionCode.parse("441900003").parent().level())
                .as("streets hang off the city")
                .isEqualTo(DivisionLevel.CITY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "3",
                "370",
                "37010",
                "3701030",
                "37010302",
                "3701030210",
                "37010302120",
                "3701030212001",
                "37a103",
                "00",
                "001234",
                "３７０１０３"
            })
    void rejectsMalformedCodes(String digits) {
        assertThat(DivisionCode.isValid(digits))
                .as("'%s' is not a division code", digits)
                .isFalse();
        assertThatThrownBy(() -> DivisionCode.parse(digits)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullSource
    void nullIsNotValid(String digits) {
        assertThat(DivisionCode.isValid(digits)).isFalse();
    }

    @Test
    void ordersByCode() {
        assertThat(DivisionCode.parse("370103").compareTo(DivisionCode.parse("370102")))
                .isPositive();
        assertThat(DivisionCode.parse("370103").toString()).isEqualTo("370103000000");
    }
}
