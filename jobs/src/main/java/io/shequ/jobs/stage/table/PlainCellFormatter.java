package io.shequ.jobs.stage.table;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Formats numeric cells for typing rather than for display: a date-formatted number as an ISO
 * date (2017-03-01), any other number as plain digits (200000, never 200,000 or 2E+05), so that
 * the cell parsers see what the value is and not how an office chose to show it. Text cells keep
 * their text.
 */
final class PlainCellFormatter extends DataFormatter {

    PlainCellFormatter() {
        super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value, use1904Windowing)
                    .toLocalDate()
                    .toString();
        }
        return plain(value);
    }

    /** A double as plain digits without a trailing ".0". */
    static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
