package io.shequ.jobs.check.history;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.List;

/**
 * What an anomaly rule found in one run.
 *
 * @param outcome  {@code Passed} or {@code Failed}, as DQDL rule outcomes are written
 * @param value    this run's value, null when the metric could not be computed
 * @param baseline the median of the history compared with, null without history
 * @param history  the earlier accepted runs compared with, oldest first
 * @param reason   the comparison in words, or why nothing was compared
 */
public record AnomalyOutcome(
        String dataset,
        String level,
        String rule,
        String metric,
        String column,
        String bounds,
        String outcome,
        Double value,
        Double baseline,
        List<HistoryPoint> history,
        String reason,
        String description) {

    /** The run ledger's {@code dq_anomalies}: the staged datasets' outcomes, then the lake tables'. */
    public static final LedgerEntry<List<AnomalyOutcome>> LEDGER =
            LedgerEntry.of(LedgerSection.DQ_ANOMALIES, new TypeReference<>() {});

    public static final String PASSED = "Passed";
    public static final String FAILED = "Failed";

    public AnomalyOutcome {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean failed() {
        return FAILED.equals(outcome);
    }

    public boolean blocks() {
        return "error".equals(level) && failed();
    }
}
