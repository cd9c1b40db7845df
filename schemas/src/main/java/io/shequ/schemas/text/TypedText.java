package io.shequ.schemas.text;

import java.text.Normalizer;

/**
 * The first step for any text a person typed into a spreadsheet: full-width forms folded to
 * their ASCII equivalents and, for keys, all whitespace removed.
 *
 * <p>NFKC does the folding: ０-９ become 0-9, （）become (), ，．become , . and U+3000 becomes a
 * space; it also turns ㎡ and m² into "m2", which lets the callers list one spelling of a unit.
 */
public final class TypedText {

    private TypedText() {}

    /** NFKC-folded text, or null for null. Whitespace is kept. */
    public static String halfWidth(String raw) {
        return raw == null ? null : Normalizer.normalize(raw, Normalizer.Form.NFKC);
    }

    /**
     * NFKC-folded text with every whitespace character removed (spaces, tabs, line breaks inside
     * a cell, U+3000, U+00A0), or null for null. Chinese text needs no spaces, so any there are noise.
     */
    public static String compact(String raw) {
        if (raw == null) {
            return null;
        }
        String folded = halfWidth(raw);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Java's own isWhitespace leaves out the no-break spaces that Excel exports carry. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
