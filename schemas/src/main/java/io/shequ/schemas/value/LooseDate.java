package io.shequ.schemas.value;

import io.shequ.schemas.text.TypedText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as ledgers type them: 2023-03-01, 2023/3/1, 2023.3.1, 2023年3月1日, 20230301, full-width
 * digits included; and periods made of two such dates joined by 至, 到, ～, ~ or a dash.
 *
 * <p>{@link #parse} and {@link #parseRange} read whole days only. {@link #read} and
 * {@link #readRange} also take a month (2017-03, 2017年3月), kept as month precision rather than
 * passed off as a day, and a bare Excel serial day number (42795 is 2017-03-01) as a spreadsheet
 * leaves it when the cell lost its date format.
 */
public final class LooseDate {

    private static final String DATE =
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?|(\\d{4})(\\d{2})(\\d{2})";
    private static final Pattern ONE = Pattern.compile("^\\s*(?:" + DATE + ")\\s*$");
    private static final Pattern MONTH = Pattern.compile("^\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?\\s*$");
    /** Five digits: Excel serial days 10000-99999 are 1927-05-18 to 2173-10-14, and no other date reads so. */
    private static final Pattern SERIAL = Pattern.compile("^\\s*(\\d{5})(?:\\.0+)?\\s*$");
    /** Day 0 of Excel's 1900 date system, as it counts (with its phantom 1900-02-29) from March 1900 on. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final Pattern RANGE = Pattern.compile("^\\s*(.+?)\\s*(?:至|到|～|~|—|--|－)\\s*(.+?)\\s*$");

    private LooseDate() {}

    /** The date written in {@code raw}, or empty when it is not one date. */
    public static Optional<LocalDate> parse(String raw) {
        String text = TypedText.halfWidth(raw);
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ONE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return m.group(1) != null
                    ? Optional.of(LocalDate.of(
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                    : Optional.of(LocalDate.of(
                            Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code raw} is written as a day or a month (2024-02-30, 2023年13月) that the calendar
     * does not have: a date gone wrong, not text that is no date at all.
     */
    public static boolean isImpossibleDate(String raw) {
        String text = TypedText.halfWidth(raw);
        if (text == null || read(raw).isPresent()) {
            return false;
        }
        return ONE.matcher(text).matches() || MONTH.matcher(text).matches();
    }

    /** A period from its first to its last day, both inclusive. */
    public record Range(LocalDate start, LocalDate end) {}

    /** The period written in {@code raw}, or empty when it is not two dates in order. */
    public static Optional<Range> parseRange(String raw) {
        String text = TypedText.halfWidth(raw);
        if (text == null) {
            return Optional.empty();
        }
        // a dash also sits inside ISO dates: try each dash as the separator
        Matcher m = RANGE.matcher(text);
        if (m.matches()) {
            Optional<LocalDate> start = parse(m.group(1));
            Optional<LocalDate> end = parse(m.group(2));
            if (start.isPresent() && end.isPresent() && !end.get().isBefore(start.get())) {
                return Optional.of(new Range(start.get(), end.get()));
            }
        }
        for (int i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
            Optional<LocalDate> start = parse(text.substring(0, i));
            Optional<LocalDate> end = parse(text.substring(i + 1));
            if (start.isPresent() && end.isPresent() && !end.get().isBefore(start.get())) {
                return Optional.of(new Range(start.get(), end.get()));
            }
        }
        return Optional.empty();
    }

    /** How exactly a date was written: a whole day, or only its month. */
    public enum Precision {
        DAY,
        MONTH;

        /** "day" or "month", as staged in a {@code <field>_precision} column. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A date and how exactly it was written; a month reads as its first day. */
    public record Dated(LocalDate date, Precision precision) {}

    /** A period read by {@link #readRange}: a month-precision end is that month's last day. */
    public record DatedRange(LocalDate start, LocalDate end, Precision precision) {}

    /** The day, month or Excel serial day written in {@code raw}, or empty when it is none of them. */
    public static Optional<Dated> read(String raw) {
        Optional<LocalDate> day = parse(raw);
        if (day.isPresent()) {
            return Optional.of(new Dated(day.get(), Precision.DAY));
        }
        String text = TypedText.halfWidth(raw);
        if (text == null) {
            return Optional.empty();
        }
        Matcher month = MONTH.matcher(text);
        if (month.matches()) {
            int m = Integer.parseInt(month.group(2));
            return m >= 1 && m <= 12
                    ? Optional.of(new Dated(LocalDate.of(Integer.parseInt(month.group(1)), m, 1), Precision.MONTH))
                    : Optional.empty();
        }
        Matcher serial = SERIAL.matcher(text);
        if (serial.matches()) {
            return Optional.of(new Dated(EXCEL_EPOCH.plusDays(Long.parseLong(serial.group(1))), Precision.DAY));
        }
        return Optional.empty();
    }

    /**
     * A period of two dates as {@link #read} takes them, in order; month precision when either end
     * was written as a month, in which case the end is that month's last day (2017-03至2018-02 runs
     * from 2017-03-01 to 2018-02-28).
     */
    public static Optional<DatedRange> readRange(String raw) {
        Optional<Range> days = parseRange(raw);
        if (days.isPresent()) {
            return Optional.of(new DatedRange(days.get().start(), days.get().end(), Precision.DAY));
        }
        String text = TypedText.halfWidth(raw);
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(text);
        if (m.matches()) {
            Optional<DatedRange> range = range(m.group(1), m.group(2));
            if (range.isPresent()) {
                return range;
            }
        }
        for (int i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
            Optional<DatedRange> range = range(text.substring(0, i), text.substring(i + 1));
            if (range.isPresent()) {
                return range;
            }
        }
        return Optional.empty();
    }

    private static Optional<DatedRange> range(String first, String last) {
        Optional<Dated> start = read(first);
        Optional<Dated> end = read(last);
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        LocalDate endDay = end.get().precision() == Precision.MONTH
                ? end.get().date().withDayOfMonth(end.get().date().lengthOfMonth())
                : end.get().date();
        if (endDay.isBefore(start.get().date())) {
            return Optional.empty();
        }
        boolean month = start.get().precision() == Precision.MONTH || end.get().precision() == Precision.MONTH;
        return Optional.of(new DatedRange(start.get().date(), endDay, month ? Precision.MONTH : Precision.DAY));
    }
}
