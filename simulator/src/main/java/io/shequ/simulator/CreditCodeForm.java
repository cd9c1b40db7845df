package io.shequ.simulator;

import java.util.List;
import java.util.Locale;

/**
 * How a ledger writes a provider's unified social credit code: as issued ({@link #PLAIN}), or,
 * as {@link MessKind#CREDIT_CODE_FORMS}, in lower case and with spaces between groups, which
 * stay valid once normalised (upper case, spaces removed).
 */
enum CreditCodeForm {
    PLAIN,
    /** 52370103ma3c4x7k2x: typed without caps lock. */
    LOWER,
    /** 52 370103 MA3C4X7K2X: copied from a certificate with its spacing. */
    SPACED,
    LOWER_SPACED;

    static final List<CreditCodeForm> MESSY = List.of(LOWER, SPACED, LOWER_SPACED);

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String write(String code) {
        String spaced = this == SPACED || this == LOWER_SPACED
                ? code.substring(0, 2) + " " + code.substring(2, 8) + " " + code.substring(8)
                : code;
        return this == LOWER || this == LOWER_SPACED ? spaced.toLowerCase(Locale.ROOT) : spaced;
    }
}
