package io.shequ.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes an amount in yuan the way a contract states it in capital numerals (大写金额):
 * 200000 → 贰拾万元整, 123456.78 → 壹拾贰万叁仟肆佰伍拾陆元柒角捌分, 100000.05 → 壹拾万元零伍分.
 * Capital numerals exist so that nobody can alter a figure; the simulator writes them exactly.
 */
final class CapitalAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] SECTIONS = {"", "万", "亿"};

    private CapitalAmount() {}

    /** The amount, non-negative and below a trillion yuan, rounded to fen. */
    static String of(BigDecimal yuan) {
        if (yuan.signum() < 0 || yuan.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) >= 0) {
            throw new IllegalArgumentException("no capital numerals for " + yuan);
        }
        long fen = yuan.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
        long whole = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder text = new StringBuilder();
        // below one yuan the whole part is written 零元, so that a reader still finds 元
        text.append(whole > 0 ? integer(whole) : "零").append('元');
        if (jiao == 0 && cents == 0) {
            return text.append('整').toString();
        }
        if (jiao > 0) {
            text.append(DIGITS.charAt(jiao)).append('角');
        } else if (whole > 0) {
            text.append('零');
        }
        if (cents > 0) {
            text.append(DIGITS.charAt(cents)).append('分');
        }
        return text.toString();
    }

    /** A positive integer: 4-digit sections joined by 万 and 亿, one 零 for every run of zeros. */
    private static String integer(long value) {
        StringBuilder text = new StringBuilder();
        boolean zeroPending = false;
        for (int s = SECTIONS.length - 1; s >= 0; s--) {
            int section = (int) (value / pow10000(s) % 10_000);
            if (section == 0) {
                zeroPending = text.length() > 0;
                continue;
            }
            if (text.length() > 0 && (zeroPending || section < 1000)) {
                text.append('零');
            }
            zeroPending = false;
            text.append(section(section)).append(SECTIONS[s]);
        }
        return text.toString();
    }

    /** 1-9999 within a section, e.g. 1005 → 壹仟零伍, 20 → 贰拾. */
    private static String section(int value) {
        StringBuilder text = new StringBuilder();
        boolean zero = false;
        for (int place = 3; place >= 0; place--) {
            int digit = value / (int) Math.pow(10, place) % 10;
            if (digit == 0) {
                zero = text.length() > 0;
                continue;
            }
            if (zero) {
                text.append('零');
                zero = false;
            }
            text.append(DIGITS.charAt(digit)).append(PLACES[place]);
        }
        return text.toString();
    }

    private static long pow10000(int power) {
        long result = 1;
        for (int i = 0; i < power; i++) {
            result *= 10_000;
        }
        return result;
    }
}
