package io.shequ.schemas.period;

import io.shequ.schemas.text.TypedText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The period a street-office report covers: one month or one quarter of one year.
 *
 * <p>A month has {@code firstMonth == lastMonth}; a quarter runs from month 1, 4, 7 or 10 to two
 * months later. The constructor rejects anything else.
 */
public record ReportPeriod(int year, int firstMonth, int lastMonth, Kind kind) {

    public enum Kind {
        MONTH,
        QUARTER
    }

    // Years outside this window in a file name are far more likely other numbers than periods.
    private static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 2099;

    private static final List<Finder> FINDERS = List.of(
            new Finder(
                    Pattern.compile("(?<!\\d)(\\d{4})[-_.]?[Qq]([1-4])(?!\\d)"),
                    m -> quarterOf(m.group(1), m.group(2))),
            new Finder(Pattern.compile("(?<!\\d)(\\d{4})年度?第?([1-4一二三四])季度"), m -> quarterOf(m.group(1), m.group(2))),
            new Finder(
                    Pattern.compile("(?<!\\d)(\\d{4})年(\\d{1,2})[-~—至到](\\d{1,2})月"),
                    m -> quarterOfMonths(m.group(1), m.group(2), m.group(3))),
            new Finder(Pattern.compile("(?<!\\d)(\\d{4})年(\\d{1,2})月"), m -> monthOf(m.group(1), m.group(2))),
            new Finder(Pattern.compile("(?<!\\d)(\\d{4})[-./](\\d{1,2})(?!\\d)"), m -> monthOf(m.group(1), m.group(2))),
            new Finder(Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(?!\\d)"), m -> monthOf(m.group(1), m.group(2))));

    private record Finder(Pattern pattern, Function<MatchResult, Optional<ReportPeriod>> read) {}

    private record Found(int at, ReportPeriod period) {}

    public ReportPeriod {
        if (kind == null) {
            throw new IllegalArgumentException("a report period needs a kind");
        }
        boolean shape = kind == Kind.MONTH
                ? firstMonth >= 1 && firstMonth <= 12 && lastMonth == firstMonth
                : (firstMonth == 1 || firstMonth == 4 || firstMonth == 7 || firstMonth == 10)
                        && lastMonth == firstMonth + 2;
        if (!shape || year < 1 || year > 9999) {
            throw new IllegalArgumentException(
                    "not a " + kind + ": year " + year + ", months " + firstMonth + "-" + lastMonth);
        }
    }

    public static ReportPeriod month(int year, int month) {
        return new ReportPeriod(year, month, month, Kind.MONTH);
    }

    /** Quarter 1-4 of {@code year}. */
    public static ReportPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1-4, got " + quarter);
        }
        return new ReportPeriod(year, quarter * 3 - 2, quarter * 3, Kind.QUARTER);
    }

    /** The first day of the period. */
    public LocalDate start() {
        return LocalDate.of(year, firstMonth, 1);
    }

    /** The last day of the period, inclusive. */
    public LocalDate end() {
        return YearMonth.of(year, lastMonth).atEndOfMonth();
    }

    /** "2023-03" for a month, "2023Q1" for a quarter; {@link #find} reads both back. */
    public String label() {
        return kind == Kind.MONTH ? String.format("%04d-%02d", year, firstMonth) : year + "Q" + (lastMonth / 3);
    }

    /**
     * The period named in a file name or title, such as "2023年01月", "2023年1月", "2023-01",
     * "2023.01", "202301" (six digits standing alone), "2023年第一季度", "2023年一季度",
     * "2023年第1季度", "2023年1-3月" or "2023Q1". When several are written, the first in the text wins.
     * Empty when the text names no period (null, "2023年度", "20230115", "2023-13").
     */
    public static Optional<ReportPeriod> find(String text) {
        String folded = TypedText.compact(text);
        if (folded == null) {
            return Optional.empty();
        }
        return FINDERS.stream()
                .flatMap(finder -> finder.pattern()
                        .matcher(folded)
                        .results()
                        .flatMap(m -> finder.read().apply(m).map(p -> new Found(m.start(), p)).stream()))
                .min(Comparator.comparingInt(Found::at))
                .map(Found::period);
    }

    private static final Pattern DAY = Pattern.compile("(?<!\\d)(\\d{4})[-./年](\\d{1,2})[-./月](\\d{1,2})日?(?!\\d)");
    /** 20240230: only a year 19xx/20xx, a month 01-12 and a day 01-31 read as a day, so other 8-digit numbers stay numbers. */
    private static final Pattern COMPACT_DAY =
            Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?!\\d)");

    /**
     * A day written in {@code text} that the calendar does not have ("2024-02-30", "2023年2月29日", "20240230"),
     * or empty. Such a text names no period: its month is not to be read off a date gone wrong.
     */
    public static Optional<String> impossibleDay(String text) {
        String folded = TypedText.compact(text);
        if (folded == null) {
            return Optional.empty();
        }
        return Stream.concat(
                        DAY.matcher(folded).results(),
                        COMPACT_DAY.matcher(folded).results())
                .filter(m -> {
                    try {
                        LocalDate.of(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)));
                        return false;
                    } catch (DateTimeException e) {
                        return true;
                    }
                })
                .map(MatchResult::group)
                .findFirst();
    }

    private static Optional<ReportPeriod> monthOf(String year, String month) {
        int y = Integer.parseInt(year);
        int m = Integer.parseInt(month);
        return plausibleYear(y) && m >= 1 && m <= 12 ? Optional.of(month(y, m)) : Optional.empty();
    }

    private static Optional<ReportPeriod> quarterOf(String year, String quarter) {
        int y = Integer.parseInt(year);
        int q = "一二三四".indexOf(quarter) >= 0 ? "一二三四".indexOf(quarter) + 1 : Integer.parseInt(quarter);
        return plausibleYear(y) ? Optional.of(quarter(y, q)) : Optional.empty();
    }

    /** "2023年1-3月" is the first quarter; "2023年1-2月" is no period this record can hold. */
    private static Optional<ReportPeriod> quarterOfMonths(String year, String first, String last) {
        int y = Integer.parseInt(year);
        int f = Integer.parseInt(first);
        int l = Integer.parseInt(last);
        boolean isQuarter = (f == 1 || f == 4 || f == 7 || f == 10) && l == f + 2;
        return plausibleYear(y) && isQuarter ? Optional.of(quarter(y, l / 3)) : Optional.empty();
    }

    private static boolean plausibleYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    @Override
    public String toString() {
        return label();
    }
}
