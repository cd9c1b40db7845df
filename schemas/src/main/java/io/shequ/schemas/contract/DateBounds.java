package io.shequ.schemas.contract;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The dates a DATE or DATE_RANGE field can plausibly hold: none before {@code earliest} (the
 * founding of the People's Republic, 1949-10-01, unless the contract says otherwise) and none more
 * than {@code yearsAfterRun} years after the day of the run that reads it. A date outside is
 * quarantined as {@code implausible_date}, never staged: 0000-01-01 or 9999-12-31 would otherwise
 * crash a Parquet write or make up years no indicator has.
 */
public record DateBounds(LocalDate earliest, int yearsAfterRun) implements Serializable {

    public static final DateBounds DEFAULT = new DateBounds(LocalDate.of(1949, 10, 1), 5);

    public DateBounds {
        Objects.requireNonNull(earliest, "earliest");
        if (yearsAfterRun < 0) {
            throw new IllegalArgumentException("years after the run must be 0 or more, got " + yearsAfterRun);
        }
    }

    /** The last plausible day for a run on {@code runDay}. */
    public LocalDate latest(LocalDate runDay) {
        return runDay.plusYears(yearsAfterRun).withMonth(12).withDayOfMonth(31);
    }
}
