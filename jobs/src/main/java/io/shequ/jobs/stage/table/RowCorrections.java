package io.shequ.jobs.stage.table;

import io.shequ.jobs.extract.LandedSource;

/**
 * Corrected cells a data engineer supplied for rows of a landed file (re-admission of quarantined
 * rows). Applied to the located table before typing, so a corrected row goes through exactly the
 * parsing, typing and validation of its source, keeps its file, sheet and line, and still fails
 * with its reasons when the correction is wrong.
 */
@FunctionalInterface
public interface RowCorrections {

    /** No corrections: the table as read. */
    RowCorrections NONE = (source, file, table) -> table;

    /** {@code table} with the corrected rows of {@code file} replaced; the same table when there are none. */
    LocatedTable apply(String source, LandedSource file, LocatedTable table);
}
