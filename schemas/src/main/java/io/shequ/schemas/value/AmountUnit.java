package io.shequ.schemas.value;

import io.shequ.schemas.text.TypedText;

/**
 * The unit a ledger column states in its header, which applies to bare numbers below it:
 * under "合同金额(万元)" the cell "25.5" means 255,000 yuan.
 */
public enum AmountUnit {
    YUAN,
    TEN_THOUSAND_YUAN;

    /** {@link #TEN_THOUSAND_YUAN} when the header mentions 万元, else {@link #YUAN}; null reads as YUAN. */
    public static AmountUnit fromHeader(String header) {
        String text = TypedText.compact(header);
        return text != null && text.contains("万元") ? TEN_THOUSAND_YUAN : YUAN;
    }
}
