package io.shequ.schemas.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "19912345678", "15012345678", " 13800138000 "})
    void validNumbers(String number) {
        assertThat(MobileNumber.isValid(number))
                .as("'%s' is 1[3-9] and nine digits", number)
                .isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "12800138000",
                "10800138000",
                "1380013800",
                "138001380000",
                "138-0013-8000",
                "+8613800138000",
                "0531-82345678"
            })
    void invalidNumbers(String number) {
        assertThat(MobileNumber.isValid(number)).as("'%s'", number).isFalse();
    }

    @Test
    void candidateFindsNumbersOnlyWhenStandingAlone() {
        assertThat(MobileNumber.CANDIDATE.matcher("联系电话13800138000。").find()).isTrue();
        assertThat(MobileNumber.CANDIDATE.matcher("11010519491231002X").find())
                .as("digits inside an ID number are not a phone number")
                .isFalse();
    }
}
