package io.shequ.schemas.value;

import java.math.BigDecimal;

/**
 * Written Chinese amounts, in capital numerals (贰拾万元整) or everyday ones (二十万元): 亿 and 万
 * sections, 千/百/十 places within a section, 元 then 角 and 分.
 */
final class ChineseNumerals {

    /** A value, or a reason (phrased to follow the quoted raw text) when the text is not one. */
    record Result(BigDecimal value, String reason) {}

    private static final String DIGITS = "零〇壹一贰貳二两叁參三肆四伍五陆陸六柒七捌八玖九";
    private static final int[] DIGIT_VALUES = {0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 9, 9};

    private ChineseNumerals() {}

    static Result yuan(String text) {
        String normalized = text.replace('圆', '元');
        int yuanAt = normalized.indexOf('元');
        String whole = yuanAt < 0 ? normalized : normalized.substring(0, yuanAt);
        String fraction = yuanAt < 0 ? "" : normalized.substring(yuanAt + 1);
        if (whole.isEmpty() && fraction.isEmpty()) {
            return new Result(null, "has no numerals");
        }
        Long integer = whole.isEmpty() ? Long.valueOf(0) : integer(whole);
        if (integer == null) {
            return new Result(null, "is not a written amount in Chinese numerals");
        }
        BigDecimal cents = fraction(fraction);
        if (cents == null) {
            return new Result(null, "has jiao/fen after 元 that cannot be read");
        }
        return new Result(BigDecimal.valueOf(integer).add(cents), null);
    }

    /** Null when the text is not a well-formed Chinese integer. */
    static Long integer(String text) {
        long total = 0;
        long section = 0;
        int pending = -1;
        int lastPlace = Integer.MAX_VALUE;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = digit(c);
            int place = place(c);
            if (digit >= 0) {
                if (pending > 0) {
                    return null; // 壹贰: two digits with no place between them
                }
                pending = digit;
            } else if (place > 0) {
                if (place >= lastPlace) {
                    return null; // 十百: places must fall within a section
                }
                // 拾万, 十二 and 一千零十 leave the leading one unsaid, which is only done before 十.
                int multiplier = pending > 0 ? pending : (place == 10 ? 1 : -1);
                if (multiplier < 0) {
                    return null;
                }
                section += (long) multiplier * place;
                pending = -1;
                lastPlace = place;
            } else if (c == '万' || c == '萬') {
                long wan = section + Math.max(pending, 0);
                if (wan == 0 || total % 100_000_000L != 0) { // a second 万 in one 亿 section
                    return null;
                }
                total += wan * 10_000;
                section = 0;
                pending = -1;
                lastPlace = Integer.MAX_VALUE;
            } else if (c == '亿' || c == '億') {
                long yi = total + section + Math.max(pending, 0);
                if (yi == 0) {
                    return null;
                }
                total = yi * 100_000_000L;
                section = 0;
                pending = -1;
                lastPlace = Integer.MAX_VALUE;
            } else {
                return null;
            }
        }
        return total + section + Math.max(pending, 0);
    }

    /** 角 and 分 as a decimal; null when they cannot be read; "" is zero. */
    private static BigDecimal fraction(String text) {
        BigDecimal sum = BigDecimal.ZERO;
        int pending = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = digit(c);
            if (digit >= 0) {
                pending = digit;
            } else if ((c == '角' || c == '毛') && pending >= 0) {
                sum = sum.add(BigDecimal.valueOf(pending, 1));
                pending = -1;
            } else if (c == '分' && pending >= 0) {
                sum = sum.add(BigDecimal.valueOf(pending, 2));
                pending = -1;
            } else {
                return null;
            }
        }
        // A trailing zero such as 元零 is harmless; a trailing digit without 角/分 is not.
        return pending > 0 ? null : sum;
    }

    /** True when some character is a Chinese numeral, place or section mark. */
    static boolean hasNumerals(String text) {
        return text.chars().anyMatch(c -> digit((char) c) >= 0 || place((char) c) > 0 || "万萬亿億".indexOf(c) >= 0);
    }

    private static int digit(char c) {
        int at = DIGITS.indexOf(c);
        return at < 0 ? -1 : DIGIT_VALUES[at];
    }

    private static int place(char c) {
        return switch (c) {
            case '十', '拾' -> 10;
            case '百', '佰' -> 100;
            case '千', '仟' -> 1000;
            default -> -1;
        };
    }
}
