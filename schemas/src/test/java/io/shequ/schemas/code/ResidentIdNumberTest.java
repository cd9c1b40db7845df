package io.shequ.schemas.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    private static final String GB_EXAMPLE = "11010519491231002X";

    @Test
    void theStandardsExampleIsValid() {
        assertThat(ResidentIdNumber.isValid(GB_EXAMPLE))
                .as("GB 11643's own example")
                .isTrue();
        // 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2 -> X
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void lowerCaseXAndSurroundingSpacesAreAccepted() {
        assertThat(ResidentIdNumber.isValid("11010519491231002x"))
                .as("x typed in lower case")
                .isTrue();
        assertThat(ResidentIdNumber.isValid(" 11010519491231002X ")).isTrue();
    }

    @Test
    void aWrongCheckCharacterIsInvalid() {
        assertThat(ResidentIdNumber.isValid("110105194912310020"))
                .as("check 0 instead of X")
                .isFalse();
        assertThat(ResidentIdNumber.isValid("110105194912310021")).isFalse();
        assertThat(ResidentIdNumber.isValid("11010519491231003X"))
                .as("sequence changed, check not")
                .isFalse();
    }

    @Test
    void aBirthDateThatDoesNotExistIsInvalidEvenWithTheRightCheck() {
        String first17 = "11010519490231002";
        String withRightCheck = first17 + ResidentIdNumber.checkCharacter(first17);
        assertThat(ResidentIdNumber.isValid(withRightCheck))
                .as("19490231: February has no 31st")
                .isFalse();
        assertThat(ResidentIdNumber.birthDate(withRightCheck)).isEmpty();
    }

    @Test
    void aBirthDateInTheFutureOrBeforeAnyoneLivingIsInvalid() {
        String future = "110105" + LocalDate.now().plusYears(1).format(DateTimeFormatter.BASIC_ISO_DATE) + "002";
        assertThat(ResidentIdNumber.isValid(future + ResidentIdNumber.checkCharacter(future)))
                .isFalse();
        String ancient = "72524355920319116";
        assertThat(ResidentIdNumber.isValid(ancient + ResidentIdNumber.checkCharacter(ancient)))
                .isFalse();
        String old = "11010518800101002";
        assertThat(ResidentIdNumber.isValid(old + ResidentIdNumber.checkCharacter(old)))
                .isTrue();
    }

    @Test
    void birthDateAndSex() {
        assertThat(ResidentIdNumber.birthDate(GB_EXAMPLE)).contains(LocalDate.of(1949, 12, 31));
        assertThat(ResidentIdNumber.sex(GB_EXAMPLE)).as("sequence 002 is even").contains(ResidentIdNumber.Sex.FEMALE);
        String male17 = "11010519491231001";
        String male = male17 + ResidentIdNumber.checkCharacter(male17);
        assertThat(male).as("hand-computed: sum 165 mod 11 = 0 -> '1'").isEqualTo("110105194912310011");
        assertThat(ResidentIdNumber.sex(male)).as("sequence 001 is odd").contains(ResidentIdNumber.Sex.MALE);
        assertThat(ResidentIdNumber.sex("110105194912310020"))
                .as("no sex for an invalid number")
                .isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1101051949123100", "1101051949123100211", "11010519491231002Y", "A1010519491231002X"})
    void malformedNumbersAreInvalid(String id) {
        assertThat(ResidentIdNumber.isValid(id)).as("'%s'", id).isFalse();
    }

    @Test
    void checkCharacterNeeds17Digits() {
        assertThatThrownBy(() -> ResidentIdNumber.checkCharacter("1101051949123100"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidatePatternFindsNumbersInText() {
        assertThat(ResidentIdNumber.CANDIDATE
                        .matcher("身份证11010519491231002x，电话")
                        .find())
                .isTrue();
        assertThat(ResidentIdNumber.CANDIDATE.matcher("1110105194912310020").find())
                .as("19 digits are not an ID number")
                .isFalse();
    }
}
