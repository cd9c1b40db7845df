package io.shequ.schemas.value;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A contract amount read from a ledger cell: {@code yuan} with two decimals, or, when the text
 * is not an amount, a null {@code yuan} and a human-readable {@code reason} naming the raw text.
 * Exactly one of the two is non-null.
 */
public record ParsedAmount(BigDecimal yuan, String reason) {

    public ParsedAmount {
        if ((yuan == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of yuan and reason, got " + yuan + " and " + reason);
        }
    }

    static ParsedAmount of(BigDecimal yuan) {
        return new ParsedAmount(yuan, null);
    }

    static ParsedAmount invalid(String reason) {
        return new ParsedAmount(null, reason);
    }

    public boolean isValid() {
        return yuan != null;
    }

    public Optional<BigDecimal> toOptional() {
        return Optional.ofNullable(yuan);
    }
}
