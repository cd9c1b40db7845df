package io.shequ.schemas.code;

import io.shequ.schemas.text.TypedText;
import java.util.Locale;
import java.util.Optional;

/**
 * The 18-character unified social credit code of GB 32100 (统一社会信用代码).
 *
 * <p>Alphabet 0-9 and A-Y without I, O, S, V, Z; character 18 checks the first 17 with weights
 * 3^i mod 31. Character 1 names the registering authority, character 2 the type.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** What kind of body a credit code registers, from its first two characters. */
    public enum OrganizationType {
        SOCIAL_GROUP, // 社会团体 (51)
        PRIVATE_NON_ENTERPRISE_UNIT, // 民办非企业单位 (52)
        FOUNDATION, // 基金会 (53)
        OTHER_CIVIL_AFFAIRS, // 5 with another type
        ENTERPRISE, // 9x market regulation
        OTHER
    }

    private CreditCode() {}

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters, got '" + first17 + "'");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException(
                        "'" + first17.charAt(i) + "' at position " + (i + 1) + " is not in the credit-code alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * The code as it should be stored: full-width characters folded, every space removed, letters
     * upper-cased ("91 370100 ma3c…" and "９１３７…" give "913701…"). Whether it is valid is
     * {@link #isValid}'s to say. Null in gives null out.
     */
    public static String normalize(String raw) {
        String compact = TypedText.compact(raw);
        return compact == null ? null : compact.toUpperCase(Locale.ROOT);
    }

    /** True for 18 characters of the alphabet whose last one checks the rest. */
    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        String c = code.strip();
        if (c.length() != 18 || !c.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return false;
        }
        return checkCharacter(c.substring(0, 17)) == c.charAt(17);
    }

    /** The type of body, for a valid code. */
    public static Optional<OrganizationType> organizationType(String code) {
        if (!isValid(code)) {
            return Optional.empty();
        }
        String c = code.strip();
        if (c.charAt(0) == '5') {
            return Optional.of(
                    switch (c.charAt(1)) {
                        case '1' -> OrganizationType.SOCIAL_GROUP;
                        case '2' -> OrganizationType.PRIVATE_NON_ENTERPRISE_UNIT;
                        case '3' -> OrganizationType.FOUNDATION;
                        default -> OrganizationType.OTHER_CIVIL_AFFAIRS;
                    });
        }
        return Optional.of(c.charAt(0) == '9' ? OrganizationType.ENTERPRISE : OrganizationType.OTHER);
    }
}
