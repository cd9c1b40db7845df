package io.shequ.jobs.check.history;

/** A metric series across runs: which dataset, which metric, which column ({@code *} for the whole dataset). */
public record MetricKey(String dataset, String metric, String column) {

    @Override
    public String toString() {
        return DatasetMetric.WHOLE_DATASET.equals(column)
                ? dataset + " " + metric
                : dataset + " " + metric + "(" + column + ")";
    }
}
