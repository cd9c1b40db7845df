package io.shequ.jobs.stage.table;

import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.value.AmountUnit;
import io.shequ.schemas.value.CellNumber;
import io.shequ.schemas.value.ChineseAmount;
import io.shequ.schemas.value.LooseDate;
import io.shequ.schemas.value.ParsedAmount;
import io.shequ.schemas.value.ParsedNumber;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Types one raw cell by its field's contract type. The outcome is a value, a null with a note
 * (a placeholder such as 暂无 is "not reported", never zero), or a rejection with a reason.
 * Dates and periods also give their precision ("day", or "month" for 2017-03), so that a month
 * is never mistaken downstream for its first day.
 */
final class CellTyper {

    /** Typed value(s) (two for a date range), or a note, or a reason to reject the row. */
    record Typed(List<Object> values, String note, RejectRule rule, String rejection) {
        static Typed value(Object... values) {
            return new Typed(Arrays.asList(values), null, null, null);
        }

        static Typed nulls(int n, String note) {
            return new Typed(Collections.nCopies(n, null), note, null, null);
        }

        static Typed reject(int n, RejectRule rule, String reason) {
            return new Typed(Collections.nCopies(n, null), null, rule, reason);
        }
    }

    private CellTyper() {}

    static int width(TypedField field) {
        return switch (field.type()) {
            case DATE -> 2; // the date and its precision
            case DATE_RANGE -> 3; // start, end and their precision
            default -> 1;
        };
    }

    static Typed type(TypedField field, String raw, AmountUnit amountUnit) {
        boolean blank = raw == null || raw.isBlank();
        if (blank && field.required()) {
            return Typed.reject(width(field), RejectRule.REQUIRED_MISSING, field.header() + " is required but empty");
        }
        return switch (field.type()) {
            case TEXT -> blank ? Typed.nulls(1, null) : Typed.value(raw.strip());
            case COUNT -> number(field, raw, CellNumber.parseCount(raw), false);
            case AREA -> number(field, raw, CellNumber.parseArea(raw), true);
            case AMOUNT -> amount(field, raw, amountUnit);
            case DATE -> blank ? Typed.nulls(2, null) : date(field, raw);
            case DATE_RANGE -> blank ? Typed.nulls(3, null) : range(field, raw);
        };
    }

    private static Typed date(TypedField field, String raw) {
        var read = LooseDate.read(raw);
        if (read.isEmpty()) {
            return LooseDate.isImpossibleDate(raw)
                    ? Typed.reject(
                            2,
                            RejectRule.IMPLAUSIBLE_DATE,
                            "'" + raw + "' in " + field.header() + " is no day of the calendar")
                    : Typed.reject(2, RejectRule.NOT_A_DATE, "'" + raw + "' in " + field.header() + " is not a date");
        }
        String implausible = field.implausible(read.get().date());
        if (implausible != null) {
            return Typed.reject(
                    2, RejectRule.IMPLAUSIBLE_DATE, "'" + raw + "' in " + field.header() + " " + implausible);
        }
        return Typed.value(
                Date.valueOf(read.get().date()), read.get().precision().code());
    }

    private static Typed range(TypedField field, String raw) {
        var read = LooseDate.readRange(raw);
        if (read.isEmpty()) {
            return Typed.reject(
                    3, RejectRule.NOT_A_PERIOD, "'" + raw + "' in " + field.header() + " is not a period of two dates");
        }
        String implausible = field.implausible(read.get().start());
        if (implausible == null) {
            implausible = field.implausible(read.get().end());
        }
        if (implausible != null) {
            return Typed.reject(
                    3,
                    RejectRule.IMPLAUSIBLE_DATE,
                    "'" + raw + "' in " + field.header() + ": a date in it " + implausible);
        }
        return Typed.value(
                Date.valueOf(read.get().start()),
                Date.valueOf(read.get().end()),
                read.get().precision().code());
    }

    /** Why a numeric cell the parser refused is bad: negative, fractional for a count, or no number at all. */
    private static RejectRule invalidRule(String raw) {
        ParsedNumber plain = CellNumber.parse(raw);
        if (!plain.isValue()) {
            return RejectRule.NOT_A_NUMBER;
        }
        return plain.value().signum() < 0 ? RejectRule.NEGATIVE_VALUE : RejectRule.NOT_WHOLE_NUMBER;
    }

    private static Typed number(TypedField field, String raw, ParsedNumber parsed, boolean decimal) {
        return switch (parsed.outcome()) {
            case NULL_PLACEHOLDER -> Typed.nulls(1, field.name() + ": " + parsed.note());
            case INVALID -> Typed.reject(1, invalidRule(raw), field.header() + ": " + parsed.note());
            case OUT_OF_SCALE -> Typed.reject(1, RejectRule.OUT_OF_RANGE, field.header() + ": " + parsed.note());
            case VALUE -> {
                BigDecimal value = parsed.value();
                if (!field.inBounds(value)) {
                    yield Typed.reject(
                            1,
                            RejectRule.OUT_OF_RANGE,
                            field.header() + ": " + value.toPlainString() + " is outside " + bounds(field));
                }
                String note = parsed.isApproximate() ? field.name() + ": approximate" : null;
                if (!decimal) {
                    try {
                        yield new Typed(List.of(parsed.asLong()), note, null, null);
                    } catch (ArithmeticException e) {
                        yield Typed.reject(
                                1,
                                RejectRule.OUT_OF_RANGE,
                                field.header() + ": " + value.toPlainString() + " does not fit a count");
                    }
                }
                yield cents(field, raw, value, note);
            }
        };
    }

    private static Typed amount(TypedField field, String raw, AmountUnit unit) {
        if (raw == null || raw.isBlank()) {
            return Typed.nulls(1, null);
        }
        ParsedAmount parsed = ChineseAmount.parseExact(raw, unit);
        if (!parsed.isValid()) {
            return Typed.reject(1, RejectRule.INVALID_AMOUNT, field.header() + ": " + parsed.reason());
        }
        if (!field.inBounds(parsed.yuan())) {
            return Typed.reject(
                    1,
                    RejectRule.OUT_OF_RANGE,
                    field.header() + ": " + parsed.yuan().toPlainString() + " is outside " + bounds(field));
        }
        return cents(field, raw, parsed.yuan(), null);
    }

    /**
     * A decimal kept to two places: rounding that changes the value is noted, and a value that
     * would round to 0 is rejected, never stored as 0.
     */
    private static Typed cents(TypedField field, String raw, BigDecimal value, String note) {
        BigDecimal kept = value.setScale(2, RoundingMode.HALF_UP);
        if (kept.compareTo(value) == 0) {
            return new Typed(List.of(kept), note, null, null);
        }
        if (kept.signum() == 0) {
            return Typed.reject(
                    1,
                    RejectRule.OUT_OF_RANGE,
                    field.header() + ": '" + raw.strip()
                            + "' is below 0.01, the smallest value kept; it would be stored as 0");
        }
        String rounded = field.name() + ": '" + raw.strip() + "' rounded to " + kept.toPlainString();
        return new Typed(List.of(kept), note == null ? rounded : note + "; " + rounded, null, null);
    }

    private static String bounds(TypedField field) {
        return "[" + (field.min() == null ? "-∞" : field.min().toPlainString()) + ", "
                + (field.max() == null ? "∞" : field.max().toPlainString()) + "]";
    }
}
