package io.shequ.schemas.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.code.CreditCode.OrganizationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    private static final String EXAMPLE = "91350100M000100Y43";

    @Test
    void theStandardsExampleIsValid() {
        assertThat(CreditCode.isValid(EXAMPLE)).isTrue();
        // Σ value·3^i mod 31 over 91350100M000100Y4 is 28, so the check is 31-28 = 3
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCode.isValid(" " + EXAMPLE + " "))
                .as("spaces around a cell")
                .isTrue();
    }

    @Test
    void aWrongCheckCharacterIsInvalid() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4A")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void lettersOutsideTheAlphabetAreInvalid(char letter) {
        String code = "91350100" + letter + "000100Y43";
        assertThat(CreditCode.isValid(code))
                .as("GB 32100 leaves out %s", letter)
                .isFalse();
        assertThatThrownBy(() -> CreditCode.checkCharacter(code.substring(0, 17)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 9");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "91350100m000100y43"})
    void malformedCodesAreInvalid(String code) {
        assertThat(CreditCode.isValid(code)).as("'%s'", code).isFalse();
        assertThat(CreditCode.organizationType(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "51, SOCIAL_GROUP", "52, PRIVATE_NON_ENTERPRISE_UNIT", "53, FOUNDATION", "59, OTHER_CIVIL_AFFAIRS",
        "91, ENTERPRISE", "92, ENTERPRISE", "93, ENTERPRISE", "11, OTHER"
    })
    void organizationTypeFromTheFirstTwoCharacters(String prefix, OrganizationType type) {
        String first17 = prefix + "3701035000000" + "01";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(CreditCode.organizationType(code)).as("prefix %s", prefix).contains(type);
    }

    @Test
    void aHandComputedCivilAffairsCode() {
        // 52370103MJD000001 : weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
        // 5 6 27 189 0 26 0 51 420(M=21) 522(J=18) 325(D=13) 0 0 0 0 0 28 -> 1599; 1599 mod 31 = 18;
        // 31-18 = 13, which is D
        assertThat(CreditCode.checkCharacter("52370103MJD000001")).isEqualTo('D');
        assertThat(CreditCode.organizationType("52370103MJD000001D"))
                .contains(OrganizationType.PRIVATE_NON_ENTERPRISE_UNIT);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {"91350100m000100y43", " 91350100 M000100 Y43 ", "９１３５０１００Ｍ０００１００Ｙ４３", "913501\u00a000M000100Y43"
            })
    void normalizeFoldsCaseSpacesAndFullWidthForms(String raw) {
        assertThat(CreditCode.normalize(raw)).isEqualTo(EXAMPLE);
        assertThat(CreditCode.isValid(CreditCode.normalize(raw))).isTrue();
    }

    @Test
    void normalizeKeepsNullAndABadCheckCharacter() {
        assertThat(CreditCode.normalize(null)).isNull();
        assertThat(CreditCode.isValid(CreditCode.normalize("91350100m000100y44")))
                .isFalse();
    }
}
