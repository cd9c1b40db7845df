package io.shequ.schemas.value;

import io.shequ.schemas.text.TypedText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Reads a contract amount as ledgers write it into yuan with two decimals: "255,000.00",
 * "255000元", "25.5万元", "２５.５万", "贰拾万元整", "壹拾贰万叁仟肆佰伍拾陆元柒角捌分", "二十万元".
 *
 * <p>Never throws and never returns null; text that is not an amount (empty, negative, or
 * not a number) gives a {@link ParsedAmount} with a reason. Amounts are rounded half-up to fen.
 */
public final class ChineseAmount {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private ChineseAmount() {}

    /** The amount in yuan, or empty when the text is not an amount. */
    public static Optional<BigDecimal> toYuan(String raw) {
        return parse(raw).toOptional();
    }

    /** The amount in yuan, or the reason it cannot be read; bare numbers are yuan. */
    public static ParsedAmount parse(String raw) {
        return parse(raw, AmountUnit.YUAN);
    }

    /**
     * The amount in yuan, with bare numbers (no 元 or 万) read in {@code bareUnit}, the unit the
     * column header states. A unit written in the cell wins over the header's.
     */
    public static ParsedAmount parse(String raw, AmountUnit bareUnit) {
        ParsedAmount exact = parseExact(raw, bareUnit);
        return exact.isValid() ? ParsedAmount.of(exact.yuan().setScale(2, RoundingMode.HALF_UP)) : exact;
    }

    /**
     * As {@link #parse}, but the yuan as written, not rounded to fen, so a caller can say when
     * rounding changed it.
     */
    public static ParsedAmount parseExact(String raw, AmountUnit bareUnit) {
        if (raw == null || TypedText.compact(raw).isEmpty()) {
            return ParsedAmount.invalid("the amount is empty");
        }
        String text = TypedText.compact(raw);
        for (String prefix : new String[] {"人民币", "RMB", "¥"}) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        // 整 ("exactly") and its common miswriting 正 close a written amount and add nothing.
        if (text.endsWith("整") || text.endsWith("正")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return ParsedAmount.invalid("'" + raw.strip() + "' has no amount in it");
        }
        BigDecimal yuan;
        if (text.chars().noneMatch(c -> c >= '0' && c <= '9') && ChineseNumerals.hasNumerals(text)) {
            ChineseNumerals.Result written = ChineseNumerals.yuan(text);
            if (written.reason() != null) {
                return ParsedAmount.invalid("'" + raw.strip() + "' " + written.reason());
            }
            yuan = written.value();
        } else {
            yuan = arabic(text, bareUnit);
            if (yuan == null) {
                return ParsedAmount.invalid("'" + raw.strip() + "' is not an amount");
            }
        }
        if (yuan.signum() < 0) {
            return ParsedAmount.invalid("'" + raw.strip() + "' is negative, a contract amount cannot be");
        }
        return ParsedAmount.of(yuan);
    }

    /** Null when the text is not digits with an optional 元 / 万元 / 万. */
    private static BigDecimal arabic(String text, AmountUnit bareUnit) {
        BigDecimal multiplier = bareUnit == AmountUnit.TEN_THOUSAND_YUAN ? TEN_THOUSAND : BigDecimal.ONE;
        String digits = text;
        if (digits.endsWith("元")) {
            digits = digits.substring(0, digits.length() - 1);
            multiplier = BigDecimal.ONE;
        }
        if (digits.endsWith("万")) {
            digits = digits.substring(0, digits.length() - 1);
            multiplier = TEN_THOUSAND;
        }
        BigDecimal number = CellNumber.readDigits(digits);
        return number == null ? null : number.multiply(multiplier);
    }
}
