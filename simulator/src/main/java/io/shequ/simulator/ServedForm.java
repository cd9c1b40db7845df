package io.shequ.simulator;

import java.util.List;
import java.util.Locale;

/**
 * How a ledger writes the communities a contract serves. {@link #LIST} (names joined by 、),
 * {@link #WHOLE_STREET} (全街道, bought by that street office) and {@link #WHOLE_DISTRICT} (全区)
 * are the clean forms; {@link #SEPARATOR} and {@link #STREET_COMMUNITIES} are
 * {@link MessKind#SERVED_FORMS}.
 */
enum ServedForm {
    /** 乐山小区社区、南康社区. */
    LIST,
    /** The same names joined by ，,;； or ; instead of 、. */
    SEPARATOR,
    /** 全街道. */
    WHOLE_STREET,
    /** 四里村街道各社区: every community of the street, named by the street. */
    STREET_COMMUNITIES,
    /** 全区. */
    WHOLE_DISTRICT,
    /** {@link MessKind#SERVED_CONJUNCTIONS}: 四里村街道乐山小区社区及南康社区, names joined by a word, a slash or a space, the first with its street's name. */
    CONJUNCTION;

    /** Separators other than 、 that ledgers use between names. */
    static final List<String> OTHER_SEPARATORS = List.of("，", ",", ";", "；");

    /** The words, slashes and spaces of {@link #CONJUNCTION}. */
    static final List<String> CONJUNCTIONS = List.of("及", "和", "与", "／", "；", " ");

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean messy() {
        return this == SEPARATOR || this == STREET_COMMUNITIES || this == CONJUNCTION;
    }
}
