package io.shequ.jobs.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.code.ResidentIdNumber;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Age band and sex read from a valid ID number (birth date digits 7-14, odd sequence = male), nothing from an invalid one. */
class PersonAttributesTest {

    @Test
    void readsAgeBandOnTheDateAndSexFromAValidNumber() {
        String female = "11010519491231002X"; // born 1949-12-31, sequence 002
        assertThat(PersonAttributes.sex(female)).contains("female");
        assertThat(PersonAttributes.ageBand(female, LocalDate.of(2009, 12, 30)))
                .as("59 the day before")
                .contains("35-59");
        assertThat(PersonAttributes.ageBand(female, LocalDate.of(2009, 12, 31)))
                .as("60 on the birthday")
                .contains("60+");

        String male = valid("37010320060615123"); // born 2006-06-15, sequence 123
        assertThat(PersonAttributes.sex(male)).contains("male");
        assertThat(PersonAttributes.ageBand(male, LocalDate.of(2024, 6, 14))).contains("0-17");
        assertThat(PersonAttributes.ageBand(male, LocalDate.of(2024, 6, 15))).contains("18-34");
    }

    @Test
    void anInvalidNumberGivesNeitherAgeNorSex() {
        String first17 = "37010319800101123";
        char right = ResidentIdNumber.checkCharacter(first17);
        String wrongCheck = first17 + (right == '0' ? '1' : '0');
        assertThat(PersonAttributes.sex(wrongCheck)).isEmpty();
        assertThat(PersonAttributes.ageBand(wrongCheck, LocalDate.of(2023, 1, 1)))
                .isEmpty();
        assertThat(PersonAttributes.sex(null)).isEmpty();
    }

    private static String valid(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
