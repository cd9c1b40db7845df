package io.shequ.simulator;

import io.shequ.simulator.StreetReport.Cell;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a true figure into a cell the way a clerk types it, at the rates of the spec's mess:
 * placeholders (—, /, 暂无, 无, blank), approximations (约300), units (320㎡, 1.2万), thousands
 * separators and full-width digits. Every spelling reads back to the figure exactly, or to null
 * for a placeholder; the kinds used are added to the row's mess.
 */
final class CellSpelling {

    private static final String[] PLACEHOLDERS = {"—", "/", "暂无", "无", ""};
    private static final double AS_TEXT_RATE = 0.04;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

    private final Mess mess;
    private final Random random;

    CellSpelling(Mess mess, Random random) {
        this.mess = mess;
        this.random = random;
    }

    Cell spell(int column, BigDecimal value, Set<MessKind> used) {
        if (mess.hits(MessKind.PLACEHOLDER, random)) {
            used.add(MessKind.PLACEHOLDER);
            return Cell.placeholder(PLACEHOLDERS[random.nextInt(PLACEHOLDERS.length)]);
        }
        Set<MessKind> kinds = EnumSet.noneOf(MessKind.class);
        String text = value.toPlainString();
        if (value.compareTo(THOUSAND) >= 0 && mess.hits(MessKind.THOUSANDS_SEPARATOR, random)) {
            text = grouped(value);
            kinds.add(MessKind.THOUSANDS_SEPARATOR);
        }
        if (mess.hits(MessKind.UNIT_IN_CELL, random)) {
            String wan = tenThousands(column, value);
            if (wan != null) {
                text = wan;
                kinds.remove(MessKind.THOUSANDS_SEPARATOR);
            } else {
                text += column == ReportColumns.AREA && random.nextBoolean() ? "平方米" : ReportColumns.UNITS.get(column);
            }
            kinds.add(MessKind.UNIT_IN_CELL);
        }
        boolean approximate = false;
        if (mess.hits(MessKind.APPROXIMATE, random)) {
            text = random.nextBoolean() ? "约" + text : text + "左右";
            approximate = true;
            kinds.add(MessKind.APPROXIMATE);
        }
        if (mess.hits(MessKind.FULL_WIDTH, random)) {
            text = fullWidth(text);
            kinds.add(MessKind.FULL_WIDTH);
        }
        used.addAll(kinds);
        boolean numeric = kinds.isEmpty() && random.nextDouble() >= AS_TEXT_RATE;
        return new Cell(text, numeric, value, approximate);
    }

    /** 12000 as 1.2万人 where that is exact to two decimals; null where it would round. */
    private static String tenThousands(int column, BigDecimal value) {
        BigDecimal wan = value.divide(TEN_THOUSAND).stripTrailingZeros();
        if (value.compareTo(TEN_THOUSAND) < 0 || wan.scale() > 2 || column == ReportColumns.AREA) {
            return null;
        }
        return wan.toPlainString() + "万" + ReportColumns.UNITS.get(column);
    }

    private static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    /** ０-９ and ． for 0-9 and ., the way a Chinese input method in full-width mode types them. */
    static String fullWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append((c >= '0' && c <= '9') || c == '.' ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }
}
