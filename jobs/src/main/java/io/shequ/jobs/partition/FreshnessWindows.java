package io.shequ.jobs.partition;

import io.shequ.jobs.extract.GridSystemLanding;
import io.shequ.jobs.pipeline.steps.ExtractStep;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each source's periods are due: a partition is expected to have arrived {@code due} after
 * its period ends (street offices: the 10th of the next month; the grid system: the next day;
 * procurement ledgers: March 31 of the next year), for periods from {@code from} (default: the
 * earliest that ever arrived) up to {@code to} (default: the latest whose window has closed).
 */
public record FreshnessWindows(Map<String, Window> windows) {

    /**
     * One source's arrival window.
     *
     * @param historyTo the end of the history loaded in bulk when the source was connected (null: none):
     *                  partitions of periods ending by then arrived as that load, not on their own
     *                  schedule, so none of them is late; a missing one is still missing
     */
    public record Window(Period due, LocalDate from, LocalDate to, LocalDate historyTo) {

        public Window(Period due, LocalDate from, LocalDate to) {
            this(due, from, to, null);
        }

        /** Whether a partition of a period ending on {@code periodEnd} is judged late at all. */
        public boolean judgesLateness(LocalDate periodEnd) {
            return historyTo == null || periodEnd.isAfter(historyTo);
        }
    }

    public FreshnessWindows {
        windows = Map.copyOf(windows);
    }

    public static final Map<String, Period> DEFAULT_DUE = Map.of(
            ExtractStep.STREET_OFFICES, Period.ofDays(10),
            GridSystemLanding.SOURCE, Period.ofDays(1),
            ExtractStep.PROCUREMENT, Period.ofMonths(3));

    /** The defaults for every source. */
    public static FreshnessWindows defaults() {
        Map<String, Window> windows = new LinkedHashMap<>();
        DEFAULT_DUE.forEach((source, due) -> windows.put(source, new Window(due, null, null)));
        return new FreshnessWindows(windows);
    }

    public Window of(String source) {
        return windows.getOrDefault(source, new Window(DEFAULT_DUE.getOrDefault(source, Period.ZERO), null, null));
    }
}
