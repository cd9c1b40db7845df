package io.shequ.jobs.settings;

import java.time.Duration;

/**
 * Where the grid-management system's database is read from, over JDBC, and how far back each
 * incremental extract reaches before the committed watermark.
 *
 * @param overlap rows with {@code updated_at > watermark - overlap} are read again, so a row the
 *                vendor updated while the previous extract ran (with an {@code updated_at} just
 *                below that watermark) is not missed; re-reading a row is harmless, missing one is not
 */
public record GridSource(String jdbcUrl, String user, String password, Duration overlap) {

    public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(10);

    public GridSource {
        if (overlap == null) {
            overlap = DEFAULT_OVERLAP;
        }
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative: " + overlap);
        }
    }

    /** A grid source with the default overlap of ten minutes. */
    public GridSource(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_OVERLAP);
    }

    @Override
    public String toString() {
        return "GridSource[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***, overlap=" + overlap + "]";
    }
}
