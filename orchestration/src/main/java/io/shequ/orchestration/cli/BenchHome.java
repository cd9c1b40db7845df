package io.shequ.orchestration.cli;

import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.home.OwnerOnly;
import io.shequ.simulator.Mess;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A fresh Shequ home for one benchmark: its own folder, secrets and shequ.yml (as the demo writes
 * them), reading the sample's report and ledger folders in place and a copy of its grid database,
 * so that the day the benchmark adds to the grid system never changes the sample itself.
 */
final class BenchHome {

    static final String GRID_FILE = "grid.mv.db";

    private BenchHome() {}

    /** The sample's grid database and its password file, as {@code shequ generate} leaves them. */
    static boolean hasSample(Path data) {
        return Files.isDirectory(data.resolve("street-offices"))
                && Files.isDirectory(data.resolve("procurement"))
                && Files.isRegularFile(data.resolve("grid-system").resolve(GRID_FILE))
                && Files.isRegularFile(data.resolve("grid-system").resolve("password"));
    }

    /**
     * Creates {@code home} (which must not exist), copies the grid database into it and writes its
     * configuration.
     *
     * @return the grid database's JDBC URL in the home
     */
    static String create(Path home, Path data, List<DivisionCode> districts, SimulationSpec period) throws IOException {
        if (Files.exists(home)) {
            throw new IllegalStateException(home + " exists: a benchmark runs in a fresh home");
        }
        OwnerOnly.createDirectories(home);
        Path sources = home.resolve("sources");
        OwnerOnly.createDirectories(sources.resolve("grid-system"));
        Files.copy(
                data.resolve("grid-system").resolve(GRID_FILE),
                sources.resolve("grid-system").resolve(GRID_FILE),
                StandardCopyOption.COPY_ATTRIBUTES);
        String gridUrl = SourceSimulator.gridJdbcUrl(sources);
        Path config = DemoCommand.writeConfig(
                home,
                "shequ bench",
                districts.stream().map(DivisionCode::shortForm).toList(),
                data.resolve("street-offices"),
                data.resolve("procurement"),
                gridUrl,
                SourceSimulator.gridUser(),
                Files.readString(data.resolve("grid-system").resolve("password"))
                        .strip());
        OwnerOnly.writeString(config, Files.readString(config) + DemoFreshness.of(period));
        return gridUrl;
    }

    /** The simulated period of a city sample, for its freshness windows. */
    static SimulationSpec period(DivisionCode city, int year, long seed) {
        return new SimulationSpec(
                DivisionCode.parse(city.shortForm() + "01"),
                year,
                seed,
                SimulationSpec.DEFAULT_MONTHS,
                0,
                0,
                Mess.typical());
    }
}
