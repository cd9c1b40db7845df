package io.shequ.schemas.value;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a numeric spreadsheet cell said: a value, an explicit "no data" placeholder, or text
 * that is not a number.
 *
 * <p>{@code value} is non-null exactly when {@code outcome} is {@link Outcome#VALUE}. A
 * placeholder is never read as zero: "暂无" means the office did not report, not that it has none.
 * {@code note} is null for a plain value, "approximate" for values such as 约300 or 300余,
 * names the placeholder for {@link Outcome#NULL_PLACEHOLDER}, and is a human-readable reason
 * naming the raw text for {@link Outcome#INVALID}.
 */
public record ParsedNumber(BigDecimal value, Outcome outcome, String note) {

    public static final String APPROXIMATE = "approximate";

    public enum Outcome {
        VALUE,
        NULL_PLACEHOLDER,
        INVALID,
        /** A number, but of a magnitude no figure has (1e-320, 1e400): typing it would round it away or blow it up. */
        OUT_OF_SCALE
    }

    public ParsedNumber {
        Objects.requireNonNull(outcome, "outcome");
        if ((value != null) != (outcome == Outcome.VALUE)) {
            throw new IllegalArgumentException(
                    "a value goes with outcome VALUE and only with it, got " + value + " and " + outcome);
        }
    }

    static ParsedNumber value(BigDecimal value, boolean approximate) {
        return new ParsedNumber(value, Outcome.VALUE, approximate ? APPROXIMATE : null);
    }

    static ParsedNumber placeholder(String note) {
        return new ParsedNumber(null, Outcome.NULL_PLACEHOLDER, note);
    }

    static ParsedNumber outOfScale(String reason) {
        return new ParsedNumber(null, Outcome.OUT_OF_SCALE, reason);
    }

    static ParsedNumber invalid(String reason) {
        return new ParsedNumber(null, Outcome.INVALID, reason);
    }

    public boolean isValue() {
        return outcome == Outcome.VALUE;
    }

    public boolean isApproximate() {
        return isValue() && APPROXIMATE.equals(note);
    }

    /** True when the value has no fractional part (12.0 counts as integral). */
    public boolean isIntegral() {
        return isValue() && value.stripTrailingZeros().scale() <= 0;
    }

    /**
     * The value as a long.
     *
     * @throws IllegalStateException when there is no value (placeholder or invalid)
     * @throws ArithmeticException when the value has a fractional part or does not fit a long
     */
    public long asLong() {
        if (!isValue()) {
            throw new IllegalStateException("no value to read as a long: " + outcome + " (" + note + ")");
        }
        return value.longValueExact();
    }
}
