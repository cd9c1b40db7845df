package io.shequ.schemas.value;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.shequ.schemas.text.TypedText;

/**
 * Dates as ledgers type them: 2023-03-01, 2023/3/1, 2023.3.1, 2023年3月1日, 20230301, full-width
 * digits included; and periods made of two such dates joined by 至, 到, ～, ~ or a dash.
 */
public final class LooseDate {

    private static final String DATE = "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?|(\\d{4})(\\d{2})(\\d{2})";
    private static final Pattern ONE = Pattern.compile("^\\s*(?:" + DATE + ")\\s*$");
    private static final Pattern RANGE = Pattern.compile("^\\s*(.+?)\\s*(?:至|到|～|~|—|--|－)\\s*(.+?)\\s*$");

    private LooseDate() {
    }

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
                    ? Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                    : Optional.of(LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A period from its first to its last day, both inclusive. */
    public record Range(LocalDate start, LocalDate end) {
    }

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
}
