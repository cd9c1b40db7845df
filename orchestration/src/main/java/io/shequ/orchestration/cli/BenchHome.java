package io.shequ.orchestration.cli;

import io.shequ.orchestration.config.PseudonymKeys;
import io.shequ.orchestration.simulator.Mess;
import io.shequ.orchestration.simulator.SimulationSpec;
import io.shequ.orchestration.simulator.SourceSimulator;
import io.shequ.schemas.division.DivisionCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fresh Shequ home for one benchmark: its own folder, secrets and shequ.yml (as the demo writes
 * them), reading the sample's report and ledger folders in place and a copy of its grid database,
 * so that the day the benchmark adds to the grid system never changes the sample itself.
 */
final class BenchHome {

    static final String GRID_FILE = "grid.mv.db";

    private BenchHome() {
    }

    /** The sample's grid database and its password file, as {@code shequ generate} leaves them. */
    static boolean hasSample(Path data) {
        return Files.isDirectory(data.resolve("street-offices")) && Files.isDirectory(data.resolve("procurement"))
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
        Files.createDirectories(home);
        Path sources = home.resolve("sources");
        Files.createDirectories(sources.resolve("grid-system"));
        Files.copy(data.resolve("grid-system").resolve(GRID_FILE), sources.resolve("grid-system").resolve(GRID_FILE),
                StandardCopyOption.COPY_ATTRIBUTES);
        Path secrets = home.resolve("secrets");
        Files.createDirectories(secrets);
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwx------"));
        PseudonymKeys.createIfMissing(secrets.resolve("pseudonym.key"));
        Path password = secrets.resolve("grid-password");
        Files.copy(data.resolve("grid-system").resolve("password"), password);
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        String gridUrl = SourceSimulator.gridJdbcUrl(sources);
        Files.writeString(home.resolve("shequ.yml"), """
                # Written by `shequ bench`: a fresh home for one benchmark run.
                home: .
                districts: [%s]
                sources:
                  tolerate-unreadable-files: true
                  street-offices: "%s"
                  procurement: "%s"
                  grid-system:
                    url: "%s"
                    user: %s
                    password-file: secrets/grid-password
                spark:
                  master: "local[*]"
                  shuffle-partitions: 4
                pseudonymization:
                  key-file: secrets/pseudonym.key
                warehouse:
                  keep-snapshots: 5
                """.formatted(districts.stream().map(d -> "\"" + d.shortForm() + "\"").collect(Collectors.joining(", ")),
                data.resolve("street-offices"), data.resolve("procurement"), gridUrl, SourceSimulator.gridUser())
                + DemoFreshness.of(period));
        return gridUrl;
    }

    /** The simulated period of a city sample, for its freshness windows. */
    static SimulationSpec period(DivisionCode city, int year, long seed) {
        return new SimulationSpec(DivisionCode.parse(city.shortForm() + "01"), year, seed, SimulationSpec.DEFAULT_MONTHS,
                0, 0, Mess.typical());
    }
}
