package io.shequ.orchestration.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Scoring a run's resolved names against the truth: what counts as resolved, correct and resolvable. */
class ResolutionAgainstTruthTest {

    @Test
    void aWrongCodeCostsPrecisionAQuarantinedOrLostRowCostsRecall() {
        Map<String, SortedSet<String>> truth = Map.of(
                "a.xlsx#3", codes("370103001001"),
                "a.xlsx#4", codes("370103001002"),
                "a.xlsx#5", codes("370103001003"),
                "a.xlsx#6", codes("370103001004"),
                "ledger.csv#2", codes("370103001001", "370103001002"));
        Map<String, SortedSet<String>> resolved = Map.of(
                "a.xlsx#3", codes("370103001001"),
                "a.xlsx#4", codes("370103001009"),
                "a.xlsx#5", codes(),
                "ledger.csv#2", codes("370103001002", "370103001001"),
                "superseded.xlsx#3", codes("370103001001"));

        ResolutionScore score = ResolutionAgainstTruth.score(truth, resolved);

        assertThat(score.resolvable())
                .as("every truth row, the lost a.xlsx#6 included")
                .isEqualTo(5);
        assertThat(score.resolved())
                .as("rows that became facts; a quarantined row (no codes) is not resolved")
                .isEqualTo(3);
        assertThat(score.correct()).as("the same codes, in any order").isEqualTo(2);
        assertThat(score.precision()).isEqualTo(2.0 / 3);
        assertThat(score.recall()).isEqualTo(2.0 / 5);
    }

    @Test
    void theSummaryHoldsTheTotalAndEachSource() {
        ResolutionAgainstTruth result =
                new ResolutionAgainstTruth(new ResolutionScore(10, 9, 9), new ResolutionScore(4, 4, 3));

        Map<String, Object> summary = result.summary();

        assertThat(summary)
                .containsEntry("resolvable", 14L)
                .containsEntry("resolved", 13L)
                .containsEntry("correct", 12L)
                .containsEntry("precision", 12.0 / 13)
                .containsEntry("recall", 12.0 / 14);
        assertThat(summary.keySet())
                .as("the keys in the documented order")
                .containsExactly("precision", "recall", "resolved", "correct", "resolvable", "by_source");
        List<Object> sources = new ArrayList<>(((Map<?, ?>) summary.get("by_source")).keySet());
        assertThat(sources).containsExactly("street_office_reports", "procurement_ledgers");
        assertThat(ResolutionScore.NONE.precision())
                .as("nothing resolved, nothing wrong")
                .isEqualTo(1.0);
    }

    private static SortedSet<String> codes(String... codes) {
        return new TreeSet<>(List.of(codes));
    }
}
