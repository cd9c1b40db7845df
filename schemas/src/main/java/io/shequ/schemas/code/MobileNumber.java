package io.shequ.schemas.code;

import java.util.regex.Pattern;

/** A mainland mobile number: 11 digits, {@code 1[3-9]\d{9}}. */
public final class MobileNumber {

    private static final Pattern EXACT = Pattern.compile("1[3-9]\\d{9}");

    /** Anything shaped like a mobile number inside longer text, for scanning files for leaks. */
    public static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])1[3-9]\\d{9}(?![0-9])");

    private MobileNumber() {}

    public static boolean isValid(String number) {
        return number != null && EXACT.matcher(number.strip()).matches();
    }
}
