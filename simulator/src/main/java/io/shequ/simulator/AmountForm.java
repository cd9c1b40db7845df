package io.shequ.simulator;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * How a ledger writes a contract amount. {@link #PLAIN} and {@link #WAN_HEADER} are the clean
 * forms (a bare number, in yuan or under a 合同金额(万元) header); the others are
 * {@link MessKind#AMOUNT_FORMS}; {@link #PENDING} (待定) is an amount that cannot be read.
 */
enum AmountForm {
    /** A bare number of yuan: a numeric cell in XLSX, 200000 in CSV. */
    PLAIN,
    /** A bare number of ten-thousands under a header that says 万元: 20. */
    WAN_HEADER,
    /** 20万元. */
    WAN,
    /** 200,000元. */
    GROUPED,
    /** 贰拾万元整. */
    CAPITAL,
    /** 待定: to be decided, no amount at all. */
    PENDING;

    /** The forms an amount takes when the mess hits it. */
    static final List<AmountForm> MESSY = List.of(WAN, GROUPED, CAPITAL);

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean messy() {
        return MESSY.contains(this);
    }

    /** The cell for an amount in yuan (ignored for {@link #PENDING}). */
    WrittenCell cell(BigDecimal yuan) {
        return switch (this) {
            case PLAIN -> WrittenCell.number(plain(yuan));
            case WAN_HEADER -> WrittenCell.number(plain(yuan.divide(TEN_THOUSAND)));
            case WAN -> WrittenCell.text(plain(yuan.divide(TEN_THOUSAND)) + "万元");
            case GROUPED -> WrittenCell.text(grouped(yuan) + "元");
            case CAPITAL -> WrittenCell.text(CapitalAmount.of(yuan));
            case PENDING -> WrittenCell.text("待定");
        };
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String grouped(BigDecimal yuan) {
        boolean whole = yuan.stripTrailingZeros().scale() <= 0;
        return new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(yuan);
    }
}
