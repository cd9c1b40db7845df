package io.shequ.schemas.division;

import java.io.Serializable;
import java.util.Objects;

/**
 * An NBS statistical division code (统计用区划代码), always held in its 12-digit form.
 *
 * <p>Shorter forms (2, 4, 6 or 9 digits, as the reference files write them) are padded with
 * zeros. The level is the deepest non-zero part; the kind comes from the code ranges.
 */
public record DivisionCode(String value) implements Comparable<DivisionCode>, Serializable {

    public DivisionCode {
        Objects.requireNonNull(value, "value");
        if (value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a division code has 12 digits, got '" + value + "'");
        }
        if (value.startsWith("00")) {
            throw new IllegalArgumentException("a division code starts with a province, got '" + value + "'");
        }
    }

    /** Parses a code of 2, 4, 6, 9 or 12 digits. */
    public static DivisionCode parse(String digits) {
        Objects.requireNonNull(digits, "digits");
        String trimmed = digits.strip();
        return switch (trimmed.length()) {
            case 2, 4, 6, 9, 12 -> new DivisionCode(pad(trimmed));
            default ->
                throw new IllegalArgumentException("a division code has 2, 4, 6, 9 or 12 digits, got '" + digits + "'");
        };
    }

    /** True when {@link #parse} would accept the text. */
    public static boolean isValid(String digits) {
        try {
            parse(digits);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static String pad(String digits) {
        return (digits + "000000000000").substring(0, 12);
    }

    public DivisionLevel level() {
        if (!value.substring(9).equals("000")) {
            return DivisionLevel.VILLAGE;
        }
        if (!value.substring(6, 9).equals("000")) {
            return DivisionLevel.TOWNSHIP;
        }
        if (!value.substring(4, 6).equals("00")) {
            return DivisionLevel.DISTRICT;
        }
        if (!value.substring(2, 4).equals("00")) {
            return DivisionLevel.CITY;
        }
        return DivisionLevel.PROVINCE;
    }

    public DivisionKind kind() {
        return switch (level()) {
            case PROVINCE -> DivisionKind.PROVINCE;
            case CITY -> DivisionKind.CITY;
            case DISTRICT -> DivisionKind.DISTRICT;
            case TOWNSHIP -> DivisionKind.ofTownshipPart(Integer.parseInt(value.substring(6, 9)));
            case VILLAGE -> DivisionKind.ofVillagePart(Integer.parseInt(value.substring(9)));
        };
    }

    /** The code of the unit at {@code level} that contains this one (itself at its own level). */
    public DivisionCode ancestor(DivisionLevel level) {
        if (level.ordinal() > level().ordinal()) {
            throw new IllegalArgumentException(value + " is a " + level() + ", it has no " + level + " ancestor");
        }
        return new DivisionCode(pad(value.substring(0, level.significantDigits())));
    }

    /** The containing unit, or null for a province. */
    public DivisionCode parent() {
        DivisionLevel parentLevel = level().parent();
        return parentLevel == null ? null : ancestor(parentLevel);
    }

    /** The code as the reference files write it: only the digits its level owns. */
    public String shortForm() {
        return value.substring(0, level().significantDigits());
    }

    /** True when this unit is {@code other} or lies inside it. */
    public boolean isWithin(DivisionCode other) {
        return value.startsWith(other.shortForm());
    }

    @Override
    public int compareTo(DivisionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
