package io.shequ.jobs.check.history;

import java.util.Locale;

/**
 * One anomaly rule: how far a metric of a dataset may move this run from its recent history.
 *
 * @param dataset     the dataset the rule file is named after
 * @param level       {@code error} (a failure blocks publishing) or {@code warn} (reported)
 * @param name        the rule's name, unique in its file
 * @param metric      the metric watched
 * @param column      its column, {@code *} for the row count
 * @param change      how this run's value is compared with the baseline
 * @param min         lowest accepted change (a ratio for relative, a difference for absolute), or null
 * @param max         highest accepted change, or null
 * @param history     how many earlier accepted runs make the baseline (their median)
 * @param description why the rule exists, in the user's words
 * @param location    file, line and column of the rule, for messages
 */
public record AnomalyRule(
        String dataset,
        String level,
        String name,
        MetricName metric,
        String column,
        Change change,
        Double min,
        Double max,
        int history,
        String description,
        String location) {

    /** Default number of earlier runs whose median is the baseline. */
    public static final int DEFAULT_HISTORY = 3;

    /** How a value is compared with its baseline, each by the Deequ strategy of that name. */
    public enum Change {
        /** this run ÷ baseline ({@code RelativeRateOfChangeStrategy}) */
        RELATIVE,
        /** this run − baseline ({@code AbsoluteChangeStrategy}) */
        ABSOLUTE
    }

    public MetricKey metricKey() {
        return new MetricKey(dataset, metric.written(), column);
    }

    /** The accepted range as written, e.g. {@code ratio in [0.7, ∞)}. */
    public String bounds() {
        String what = change == Change.RELATIVE ? "ratio to baseline" : "change from baseline";
        return what + " in [" + (min == null ? "-∞" : fmt(min)) + ", " + (max == null ? "∞" : fmt(max)) + "]";
    }

    static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
