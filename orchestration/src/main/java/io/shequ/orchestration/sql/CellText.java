package io.shequ.orchestration.sql;

import java.math.BigDecimal;

/** How a value reads in the shell's tables and in a CSV export: NULL, numbers in plain notation, the rest as text. */
final class CellText {

    static final String NULL = "NULL";

    private CellText() {}

    /** The value as text, {@code null} as the Java null (the caller decides how to show it). */
    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d)
                    ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                    : String.valueOf(d);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
