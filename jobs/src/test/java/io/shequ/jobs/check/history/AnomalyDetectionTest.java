package io.shequ.jobs.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyDetectionTest {

    private static AnomalyRule rule(AnomalyRule.Change change, Double min, Double max) {
        return new AnomalyRule(
                "community_reports", "error", "rows", MetricName.ROW_COUNT, "*", change, min, max, 3, "", "t.yml");
    }

    @Test
    void halfTheUsualRowsIsAnAnomaly() {
        AnomalyOutcome outcome = AnomalyDetection.judge(
                rule(AnomalyRule.Change.RELATIVE, 0.7, null),
                50.0,
                List.of(new HistoryPoint("r1", 100), new HistoryPoint("r2", 90), new HistoryPoint("r3", 110)));
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.blocks()).as("error level").isTrue();
        assertThat(outcome.baseline()).as("median of the history").isEqualTo(100.0);
        assertThat(outcome.reason()).contains("ratio 0.500", "outside", "median of 3 earlier runs");
    }

    @Test
    void aChangeWithinBoundsPasses() {
        AnomalyOutcome outcome = AnomalyDetection.judge(
                rule(AnomalyRule.Change.RELATIVE, 0.7, 1.5), 75.0, List.of(new HistoryPoint("r1", 100)));
        assertThat(outcome.failed()).as(outcome.reason()).isFalse();
        assertThat(AnomalyDetection.judge(
                                rule(AnomalyRule.Change.RELATIVE, 0.7, 1.5),
                                160.0,
                                List.of(new HistoryPoint("r1", 100)))
                        .failed())
                .as("above max")
                .isTrue();
    }

    @Test
    void anAbsoluteDropInCompletenessIsAnAnomaly() {
        AnomalyRule completeness = new AnomalyRule(
                "community_reports",
                "warn",
                "blanks",
                MetricName.COMPLETENESS,
                "resident_population",
                AnomalyRule.Change.ABSOLUTE,
                -0.1,
                null,
                3,
                "",
                "t.yml");
        assertThat(AnomalyDetection.judge(completeness, 0.85, List.of(new HistoryPoint("r1", 0.98)))
                        .failed())
                .isTrue();
        AnomalyOutcome small = AnomalyDetection.judge(completeness, 0.93, List.of(new HistoryPoint("r1", 0.98)));
        assertThat(small.failed()).isFalse();
        assertThat(small.blocks()).isFalse();
    }

    @Test
    void withoutHistoryTheRulePassesAndSaysSo() {
        AnomalyOutcome outcome = AnomalyDetection.judge(rule(AnomalyRule.Change.RELATIVE, 0.7, null), 5.0, List.of());
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.reason()).startsWith("no history yet");
        assertThat(outcome.baseline()).isNull();
    }
}
