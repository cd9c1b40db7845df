package io.shequ.jobs.settings;

/**
 * How long the raw zones that may hold personal data are kept (days after a past run's newest file
 * in them): landed grid tables and staging after {@code rawKeepDays}, the quarantine and the
 * warned rows after {@code quarantineKeepDays}. The quarantine may be kept longer (or shorter) than
 * the rest, since its rows wait there to be corrected and re-admitted; it follows the raw zones
 * unless the configuration says otherwise.
 *
 * @param rawKeepDays        {@code raw.keep-days}
 * @param quarantineKeepDays {@code quarantine.keep-days}, else {@code raw.keep-days}
 */
public record Retention(int rawKeepDays, int quarantineKeepDays) {

    /** Days kept when the configuration does not say. */
    public static final int DEFAULT_KEEP_DAYS = 30;

    public Retention {
        if (rawKeepDays < 1 || quarantineKeepDays < 1) {
            throw new IllegalArgumentException("raw zones are kept at least one day, got raw " + rawKeepDays
                    + ", quarantine " + quarantineKeepDays);
        }
    }

    public static Retention defaults() {
        return new Retention(DEFAULT_KEEP_DAYS, DEFAULT_KEEP_DAYS);
    }
}
