package io.shequ.jobs.conform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * When an NBS release takes effect: the changes it brings to {@code dim_division} (renamed,
 * re-parented, new and retired units) are dated on it. A release folder dropped in by
 * configuration states its date in a {@code release-date.txt} file (ISO date, such as 2024-06-30);
 * without one, its changes take effect on the day the run first sees them.
 */
public final class NbsRelease {

    public static final String DATE_FILE = "release-date.txt";
    /** The bundled release: the NBS codes of 2023. */
    public static final LocalDate BUNDLED_2023 = LocalDate.of(2023, 6, 30);

    private NbsRelease() {}

    /** The date of the release in {@code folder} (null: the bundled one), or {@code runDate}. */
    public static LocalDate date(Path folder, LocalDate runDate) {
        if (folder == null) {
            return BUNDLED_2023;
        }
        Path file = folder.resolve(DATE_FILE);
        if (!Files.exists(file)) {
            return runDate;
        }
        try {
            return LocalDate.parse(
                    Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + " must hold an ISO date such as 2024-06-30", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
