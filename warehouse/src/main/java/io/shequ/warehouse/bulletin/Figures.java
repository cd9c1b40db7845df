package io.shequ.warehouse.bulletin;

import io.shequ.warehouse.IndicatorValue;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the bulletin writes a published value: rates as percentages, other figures with their unit. */
final class Figures {

    private Figures() {}

    static boolean isRatio(IndicatorValue value) {
        return "ratio".equals(value.unit());
    }

    /** The value as read: {@code 87.5%} for a ratio, {@code 1,234.56 元} otherwise. */
    static String display(IndicatorValue value) {
        if (value.value() == null) {
            return "—";
        }
        return isRatio(value) ? number(value.value() * 100, 1) + "%" : number(value.value(), 2) + " " + value.unit();
    }

    /** The number alone, as drawn in a chart: percent points for a ratio. */
    static double plotted(IndicatorValue value) {
        double v = value.value() == null ? 0 : value.value();
        return isRatio(value) ? Math.round(v * 1000) / 10.0 : Math.round(v * 100) / 100.0;
    }

    /** Numerator and denominator, for the hover and the footnote. */
    static String fraction(IndicatorValue value) {
        String numerator = value.numerator() == null ? "—" : number(value.numerator(), 2);
        if (value.denominator() == null) {
            return "分子 numerator " + numerator + " (" + value.unit() + ")";
        }
        return "分子 numerator " + numerator + " / 分母 denominator " + number(value.denominator(), 2);
    }

    /** The change from {@code previous}: percentage points for a ratio, else per cent. */
    static String change(IndicatorValue current, IndicatorValue previous) {
        if (current.value() == null || previous.value() == null) {
            return "—";
        }
        if (isRatio(current)) {
            return signed((current.value() - previous.value()) * 100, 1) + " 个百分点 pp";
        }
        if (previous.value() == 0) {
            return signed(current.value() - previous.value(), 2) + " " + current.unit();
        }
        return signed((current.value() / previous.value() - 1) * 100, 1) + "%";
    }

    static String number(double value, int decimals) {
        DecimalFormat format = new DecimalFormat(
                decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    private static String signed(double value, int decimals) {
        return (value > 0 ? "+" : "") + number(value, decimals);
    }
}
