package io.shequ.jobs.conform;

import java.io.Serializable;
import java.util.List;

/**
 * The divisions a ledger's 服务社区 text names and how its amount is shared among them, or why
 * the row cannot be placed.
 *
 * @param codes      the served divisions' 12-digit codes, in code order; empty when unresolved
 * @param level      village, township or district
 * @param rule       equal_split, whole_street or whole_district
 * @param reason     null when resolved; else which part failed and why, with its candidates
 * @param method     the least certain method any part was resolved by (exact, normalised, alias, similarity)
 * @param failure    null when resolved; ambiguous or unknown
 * @param candidates the failing part's best candidates
 */
public record Served(
        List<String> codes,
        String level,
        String rule,
        String reason,
        Resolution.Method method,
        Resolution.Failure failure,
        List<Resolution.Candidate> candidates)
        implements Serializable {

    public Served {
        codes = codes == null ? List.of() : List.copyOf(codes);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    static Served resolved(List<String> codes, String level, String rule, Resolution.Method method) {
        return new Served(codes, level, rule, null, method, null, List.of());
    }

    static Served failed(String reason, Resolution cause) {
        return new Served(
                List.of(),
                null,
                null,
                reason,
                null,
                cause == null ? Resolution.Failure.UNKNOWN : cause.failure(),
                cause == null ? List.of() : cause.candidates());
    }
}
