package io.shequ.jobs.conform;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * What became of one written division name: a code and how it was found, or no code, whether the
 * name could mean several units ({@link Failure#AMBIGUOUS}) or none closely enough
 * ({@link Failure#UNKNOWN}), the reason in words and the best candidates with their scores, so a
 * data engineer can confirm the right one by adding an alias.
 */
public record Resolution(String code, Method method, Failure failure, String reason, List<Candidate> candidates)
        implements Serializable {

    /** How a name was matched, from the most to the least certain. */
    public enum Method {
        /** The official name as written (after full-width folding and spaces). */
        EXACT,
        /** The official name once suffixes and a street prefix are removed from both. */
        NORMALISED,
        /** A curated or user-confirmed alias. */
        ALIAS,
        /** Close enough to one unit's name, and clearly closer than to any other. */
        SIMILARITY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a name has no code. */
    public enum Failure {
        /** It could mean two or more units. */
        AMBIGUOUS,
        /** It is close enough to no unit. */
        UNKNOWN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A unit the name may mean, with the similarity of the names (1 for a normalised match). */
    public record Candidate(String code, String name, double score) implements Serializable {}

    public Resolution {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public static Resolution of(String code, Method method) {
        return new Resolution(code, method, null, null, List.of());
    }

    public static Resolution ambiguous(String reason, List<Candidate> candidates) {
        return new Resolution(null, null, Failure.AMBIGUOUS, reason + ": " + describe(candidates), candidates);
    }

    public static Resolution unknown(String reason, List<Candidate> candidates) {
        return new Resolution(
                null,
                null,
                Failure.UNKNOWN,
                candidates.isEmpty() ? reason : reason + "; closest: " + describe(candidates),
                candidates);
    }

    public boolean resolved() {
        return code != null;
    }

    /** The method's code, or null when unresolved. */
    public String methodCode() {
        return method == null ? null : method.code();
    }

    /** The failure's code, or null when resolved. */
    public String failureCode() {
        return failure == null ? null : failure.code();
    }

    static String describe(List<Candidate> candidates) {
        return candidates.stream()
                .map(c -> c.name() + " " + c.code() + String.format(Locale.ROOT, " (%.3f)", c.score()))
                .toList()
                .toString();
    }
}
