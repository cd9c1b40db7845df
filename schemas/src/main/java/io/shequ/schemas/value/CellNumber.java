package io.shequ.schemas.value;

import io.shequ.schemas.text.TypedText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a hand-typed numeric cell of a street-office report: "1,234", "１２３４", "约300",
 * "1.2万人", "300余", "450㎡", and the placeholders offices write for "no data" ("—", "暂无").
 *
 * <p>Never throws and never returns null: every text, including null, gives a {@link ParsedNumber}.
 * Whether a magnitude is plausible is left to the source contract's bounds.
 */
public final class CellNumber {

    /** Compared after NFKC folding, so "－" and "／" arrive here as "-" and "/". */
    private static final Set<String> PLACEHOLDERS =
            Set.of("—", "——", "-", "--", "/", "暂无", "无", "空", "不详", "N/A", "n/a", "NA");

    // Longest first, so that 约计 is not read as 约 followed by 计.
    private static final List<String> APPROX_PREFIXES = List.of("约计", "大约", "约", "近");
    private static final List<String> APPROX_SUFFIXES = List.of("左右", "余", "多");
    // After NFKC, ㎡ and m² both read "m2".
    private static final List<String> UNITS = List.of("平方米", "平米", "m2", "M2", "人", "户", "个", "名", "次", "件", "场");

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    /** No figure of a report or a ledger is below 10^-12 or beyond 10^18 in magnitude; nothing outside is typed. */
    private static final int MIN_EXPONENT = -12;

    private static final int MAX_EXPONENT = 18;

    private CellNumber() {}

    /** Any number, negative and fractional ones included. */
    public static ParsedNumber parse(String raw) {
        if (raw == null) {
            return ParsedNumber.placeholder("empty cell");
        }
        String text = TypedText.compact(raw);
        if (text.isEmpty()) {
            return ParsedNumber.placeholder("empty cell");
        }
        if (PLACEHOLDERS.contains(text)) {
            return ParsedNumber.placeholder("placeholder '" + raw.strip() + "'");
        }
        boolean approximate = false;
        for (String prefix : APPROX_PREFIXES) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
                approximate = true;
                break;
            }
        }
        // Suffixes come in any order people type them: 1.2万人, 1万余人, 300人左右, 300多.
        boolean unit = false;
        boolean tenThousands = false;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            String shorter = stripOne(text, APPROX_SUFFIXES);
            if (!shorter.equals(text)) {
                approximate = stripped = true;
            } else if (!unit && !(shorter = stripOne(text, UNITS)).equals(text)) {
                unit = stripped = true;
            } else if (!tenThousands && !(shorter = stripOne(text, List.of("万"))).equals(text)) {
                tenThousands = stripped = true;
            }
            text = shorter;
        }

        BigDecimal number = digits(text);
        if (number == null) {
            return ParsedNumber.invalid("'" + raw.strip() + "' is not a number");
        }
        if (!withinScale(number)) {
            return ParsedNumber.outOfScale("'" + raw.strip() + "' is a magnitude no figure has (beyond 1e"
                    + MIN_EXPONENT + " to 1e" + MAX_EXPONENT + ")");
        }
        if (tenThousands) {
            number = number.multiply(TEN_THOUSAND);
        }
        return ParsedNumber.value(tidy(number), approximate);
    }

    /** A head count or other tally: a whole number of zero or more. */
    public static ParsedNumber parseCount(String raw) {
        ParsedNumber parsed = parse(raw);
        if (!parsed.isValue()) {
            return parsed;
        }
        if (parsed.value().signum() < 0) {
            return ParsedNumber.invalid("'" + raw.strip() + "' is negative, a count cannot be");
        }
        if (!parsed.isIntegral()) {
            return ParsedNumber.invalid("'" + raw.strip() + "' is not a whole number, a count must be");
        }
        return parsed;
    }

    /** A floor area or similar measure: decimals allowed, negatives not. */
    public static ParsedNumber parseArea(String raw) {
        ParsedNumber parsed = parse(raw);
        if (parsed.isValue() && parsed.value().signum() < 0) {
            return ParsedNumber.invalid("'" + raw.strip() + "' is negative, an area cannot be");
        }
        return parsed;
    }

    private static String stripOne(String text, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (text.endsWith(suffix) && text.length() > suffix.length()) {
                return text.substring(0, text.length() - suffix.length());
            }
        }
        return text;
    }

    /**
     * Null when the text is not a number, or a number of a magnitude no figure has (1e-320, 1e400),
     * which rounding would turn into 0 or a number too long to hold; thousands separators must sit
     * every three digits.
     */
    static BigDecimal readDigits(String text) {
        BigDecimal number = digits(text);
        return number == null || !withinScale(number) ? null : number;
    }

    /** Zero, or a magnitude between 10^MIN_EXPONENT and 10^MAX_EXPONENT. */
    static boolean withinScale(BigDecimal number) {
        if (number.signum() == 0) {
            return true;
        }
        long exponent = (long) number.precision() - number.scale() - 1;
        return exponent >= MIN_EXPONENT && exponent <= MAX_EXPONENT;
    }

    private static BigDecimal digits(String text) {
        String digits = text;
        if (text.indexOf(',') >= 0) {
            if (!GROUPED.matcher(text).matches()) {
                return null;
            }
            digits = text.replace(",", "");
        }
        if (!PLAIN.matcher(digits).matches()) {
            return null;
        }
        try {
            return new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 1.2万 gives 12000, not 1.20E+4; 300.50 keeps its meaningful digits only. */
    static BigDecimal tidy(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
