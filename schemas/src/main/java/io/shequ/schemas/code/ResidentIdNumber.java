package io.shequ.schemas.code;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 18-character resident ID number of GB 11643: 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd for men), and a check character over the first 17 digits.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");

    /** Anything shaped like an ID number, for scanning files for leaks. */
    public static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])\\d{17}[0-9Xx](?![0-9A-Za-z])");

    public enum Sex {
        MALE,
        FEMALE
    }

    private ResidentIdNumber() {}

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("need 17 digits, got '" + first17 + "'");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** True for 18 characters with a real, past birth date (1880 on) and a matching check character (x read as X). */
    public static boolean isValid(String id) {
        if (id == null) {
            return false;
        }
        String upper = id.strip().toUpperCase();
        if (!SHAPE.matcher(upper).matches()) {
            return false;
        }
        return birthDateOf(upper).isPresent() && checkCharacter(upper.substring(0, 17)) == upper.charAt(17);
    }

    /** The birth date written in digits 7-14, if it is a real date. */
    public static Optional<LocalDate> birthDate(String id) {
        return isValid(id) ? birthDateOf(id.strip().toUpperCase()) : Optional.empty();
    }

    /** Sex from the parity of the sequence (digit 17), for a valid number. */
    public static Optional<Sex> sex(String id) {
        if (!isValid(id)) {
            return Optional.empty();
        }
        int digit17 = id.strip().charAt(16) - '0';
        return Optional.of(digit17 % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    /** Nobody alive was born before this; numbers with older "birth dates" are other 18-digit values. */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

    private static Optional<LocalDate> birthDateOf(String upper) {
        try {
            LocalDate birth = LocalDate.of(
                    Integer.parseInt(upper.substring(6, 10)),
                    Integer.parseInt(upper.substring(10, 12)),
                    Integer.parseInt(upper.substring(12, 14)));
            boolean possible = !birth.isBefore(EARLIEST_BIRTH) && !birth.isAfter(LocalDate.now());
            return possible ? Optional.of(birth) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
