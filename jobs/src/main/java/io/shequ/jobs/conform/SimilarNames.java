package io.shequ.jobs.conform;

import io.shequ.schemas.division.Division;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Ranks the units of one pool (a street's communities, a district's streets) by how close their
 * normalised names are to a written one (Jaro-Winkler, which rewards a shared beginning: Chinese
 * place names differ mostly at the end). A match needs {@link #THRESHOLD} and a lead of
 * {@link #MARGIN} over the runner-up; a near tie is ambiguous, never a guess.
 *
 * <p>With these values a dropped or changed last character of a longer name matches (沙尔庆窑 for
 * 沙尔庆窑子: 0.96; 青山路5号 for 青山路五号: 0.91), while a changed character of a short name does
 * not (先锋路 and 先锋道: 0.82), nor an added word (北嘉小区 for 北嘉: 0.87): those take an alias.
 */
final class SimilarNames {

    static final double THRESHOLD = 0.88;
    static final double MARGIN = 0.05;
    /** How many candidates a quarantined name lists. */
    static final int SHOWN = 3;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private SimilarNames() {}

    /** Best first; a unit's score is the best over the written name's keys. Ties in code order. */
    static List<Resolution.Candidate> rank(
            List<String> writtenKeys, List<Division> pool, Function<Division, String> keyOf) {
        List<Resolution.Candidate> ranked = new ArrayList<>(pool.size());
        for (Division unit : pool) {
            String official = keyOf.apply(unit);
            double best = 0;
            for (String key : writtenKeys) {
                if (key != null && !key.isEmpty() && official != null && !official.isEmpty()) {
                    best = Math.max(best, JARO_WINKLER.apply(key, official));
                }
            }
            ranked.add(new Resolution.Candidate(unit.code().value(), unit.name(), Math.round(best * 1000) / 1000.0));
        }
        ranked.sort(Comparator.comparingDouble(Resolution.Candidate::score)
                .reversed()
                .thenComparing(Resolution.Candidate::code));
        return ranked;
    }

    /** The match among {@code ranked} (best first), or the failure with the best candidates. */
    static Resolution pick(List<Resolution.Candidate> ranked, String written, String where) {
        List<Resolution.Candidate> shown = ranked.subList(0, Math.min(SHOWN, ranked.size()));
        if (ranked.isEmpty() || ranked.get(0).score() < THRESHOLD) {
            return Resolution.unknown(
                    "'" + written + "' matches no unit of " + where,
                    shown.stream().filter(c -> c.score() > 0).toList());
        }
        double runnerUp = ranked.size() > 1 ? ranked.get(1).score() : 0;
        if (ranked.get(0).score() - runnerUp < MARGIN) {
            return Resolution.ambiguous("'" + written + "' is about as close to several units of " + where, shown);
        }
        return Resolution.of(ranked.get(0).code(), Resolution.Method.SIMILARITY);
    }
}
