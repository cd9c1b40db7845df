package io.shequ.orchestration.truth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Name resolution held against what the names truly mean: of the {@code resolvable} written names
 * (every name the ground truth knows the unit of), how many the pipeline {@code resolved} to a code
 * and how many of those are the {@code correct} one. Precision comes first: a wrong code is worse
 * than a quarantined name, so precision is correct / resolved and recall correct / resolvable.
 */
public record ResolutionScore(long resolvable, long resolved, long correct) {

    public static final ResolutionScore NONE = new ResolutionScore(0, 0, 0);

    /** Correct / resolved; 1 when nothing was resolved (no wrong code was given). */
    public double precision() {
        return resolved == 0 ? 1.0 : (double) correct / resolved;
    }

    /** Correct / resolvable; 1 when there was nothing to resolve. */
    public double recall() {
        return resolvable == 0 ? 1.0 : (double) correct / resolvable;
    }

    public ResolutionScore plus(ResolutionScore other) {
        return new ResolutionScore(resolvable + other.resolvable, resolved + other.resolved, correct + other.correct);
    }

    /** The fields as the run summary holds them, in this order. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("precision", precision());
        fields.put("recall", recall());
        fields.put("resolved", resolved);
        fields.put("correct", correct);
        fields.put("resolvable", resolvable);
        return fields;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "precision %.4f (%d correct of %d resolved), recall %.4f (of %d names)",
                precision(),
                correct,
                resolved,
                recall(),
                resolvable);
    }
}
