package io.shequ.orchestration.cli;

import io.shequ.simulator.SimulationSpec;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The {@code freshness} section of the demo's shequ.yml. The simulator writes a past period
 * (reports for months 1..n of a year, grid events of the whole year, that year's ledgers) all at
 * once; without windows, {@code shequ status} would call every partition late (it arrived today)
 * and every month since the sample missing. The windows bound the expected periods to the
 * simulated ones and mark them as history loaded in bulk; gaps inside still show as missing.
 */
final class DemoFreshness {

    private DemoFreshness() {}

    /** YAML for {@code spec}'s period, to append to the demo configuration. */
    static String of(SimulationSpec spec) {
        YearMonth first = YearMonth.of(spec.year(), 1);
        YearMonth last = YearMonth.of(spec.year(), spec.months());
        LocalDate firstDay = LocalDate.of(spec.year(), 1, 1);
        LocalDate lastDay = LocalDate.of(spec.year(), 12, 31);
        return """
                # the sample's simulated period, delivered at once by `shequ demo`: history, not late arrivals
                freshness:
                  street-offices: {from: %1$s, to: %2$s, history-to: %2$s}
                  grid-system: {from: %3$s, to: %4$s, history-to: %4$s}
                  procurement: {from: %5$d, to: %5$d, history-to: %5$d}
                """.formatted(first, last, firstDay, lastDay, spec.year());
    }
}
