package io.shequ.jobs.check.history;

/** One earlier run's value of a metric, as recorded in {@code shequ_dq_metric}. */
public record HistoryPoint(String runId, double value) {}
