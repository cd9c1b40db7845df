package io.shequ.warehouse.bulletin;

import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The statistical bulletins of a published warehouse: one per division and year. */
public final class Bulletins {

    private Bulletins() {}

    /** The folder of the bulletin of {@code divisionCode} in {@code year} under a home. */
    public static Path folder(Path home, int year, String divisionCode) {
        return home.resolve("warehouse")
                .resolve("bulletin")
                .resolve(Integer.toString(year))
                .resolve(divisionCode);
    }

    /** Writes the bulletin of one division and year into {@code out}; returns its {@code index.html}. */
    public static Path write(WarehouseReader reader, String divisionCode, int year, Path out) {
        return BulletinWriter.write(new BulletinQueries(reader).figures(divisionCode, year), out);
    }

    /**
     * Writes the bulletin of {@code divisionCode} for every year the warehouse publishes for it,
     * each into {@link #folder}; returns the pages written.
     */
    public static List<Path> writeEveryYear(WarehouseReader reader, Path home, String divisionCode) {
        BulletinQueries queries = new BulletinQueries(reader);
        List<Path> written = new ArrayList<>();
        for (int year : queries.years(divisionCode)) {
            written.add(BulletinWriter.write(queries.figures(divisionCode, year), folder(home, year, divisionCode)));
        }
        return written;
    }
}
