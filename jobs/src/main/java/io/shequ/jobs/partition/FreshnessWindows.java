package io.shequ.jobs.partition;

import io.shequ.jobs.source.Source;
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

    /** The defaults for every source ({@link Source#defaultDue}). */
    public static FreshnessWindows defaults() {
        Map<String, Window> windows = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            windows.put(source.id(), new Window(source.defaultDue(), null, null));
        }
        return new FreshnessWindows(windows);
    }

    public Window of(String source) {
        return windows.getOrDefault(
                source, new Window(Source.byId(source).map(Source::defaultDue).orElse(Period.ZERO), null, null));
    }
}
