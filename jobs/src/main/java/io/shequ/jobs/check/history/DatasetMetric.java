package io.shequ.jobs.check.history;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.List;

/**
 * One measurement of one staged dataset in one run, by the definitions of Deequ's analyzers.
 *
 * @param dataset the rule-file dataset name (community_reports, service_contracts, grid_events, …)
 * @param metric  a {@link MetricName} in its written form ({@code row_count}, {@code completeness}, …)
 * @param column  the column measured, or {@code *} for the whole dataset (row count)
 * @param value   the metric's value: a count, a fraction between 0 and 1, or a sum
 */
public record DatasetMetric(String dataset, String metric, String column, double value) {

    /** The run ledger's {@code dq_metrics}: the staged datasets' metrics, then the lake tables'. */
    public static final LedgerEntry<List<DatasetMetric>> LEDGER =
            LedgerEntry.of(LedgerSection.DQ_METRICS, new TypeReference<>() {});

    /** The whole-dataset column of {@link MetricName#ROW_COUNT}. */
    public static final String WHOLE_DATASET = "*";

    /** What identifies the series this value belongs to across runs. */
    public MetricKey key() {
        return new MetricKey(dataset, metric, column);
    }
}
