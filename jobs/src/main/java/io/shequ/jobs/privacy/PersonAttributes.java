package io.shequ.jobs.privacy;

import io.shequ.schemas.code.ResidentIdNumber;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** Age band and sex read from a valid resident ID number, before the number is pseudonymized. */
public final class PersonAttributes {

    private PersonAttributes() {}

    /** "0-17", "18-34", "35-59" or "60+" on {@code asOf}; empty for an invalid number. */
    public static Optional<String> ageBand(String idNumber, LocalDate asOf) {
        return ResidentIdNumber.birthDate(idNumber).map(birth -> {
            int age = Period.between(birth, asOf).getYears();
            if (age < 18) {
                return "0-17";
            }
            if (age < 35) {
                return "18-34";
            }
            return age < 60 ? "35-59" : "60+";
        });
    }

    /** "male" or "female"; empty for an invalid number. */
    public static Optional<String> sex(String idNumber) {
        return ResidentIdNumber.sex(idNumber).map(s -> s == ResidentIdNumber.Sex.MALE ? "male" : "female");
    }
}
