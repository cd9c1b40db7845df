package io.shequ.warehouse;

import io.shequ.schemas.fault.PausePoint;
import io.shequ.schemas.home.OwnerOnly;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.quality.InputQuality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a warehouse snapshot: a new DuckDB file holding the lake tables of one lake snapshot,
 * the {@code dq_} tables saying how complete and clean its inputs were,
 * and the SQL models computed from them, each tested as it is built.
 *
 * <p>The file is written once and never changed afterwards; publishing makes it current. A
 * failed build deletes what it wrote, so a half-built file is never left behind to publish.
 */
public final class WarehouseBuilder {

    /** Session time zone, so that Parquet instants read as the wall-clock time of the data. */
    public static final String TIME_ZONE = "Asia/Shanghai";

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseBuilder.class);

    private final DuckDbResources resources;

    /** Two threads and 1 GiB: for tests on tiny data. */
    public WarehouseBuilder() {
        this(DuckDbResources.small());
    }

    /** @param resources the threads, memory and spill folder the build may use */
    public WarehouseBuilder(DuckDbResources resources) {
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    /** The threads, memory and spill folder the build (and the publish's reads) may use. */
    DuckDbResources resources() {
        return resources;
    }

    /** Builds the snapshot file {@code target} from {@code lake}, its {@code dq_} tables empty. */
    public Path build(LakeSnapshot lake, Path target) {
        return build(lake, InputQuality.none(), target);
    }

    /**
     * Builds the snapshot file {@code target} from {@code lake}, with the {@code dq_} tables of
     * {@code quality}.
     *
     * @return {@code target}
     * @throws IllegalStateException if {@code target} exists, or the lake's files do not hold
     *     the row counts it states
     * @throws ModelTestException if a model's tests fail; the file is then removed
     * @throws WarehouseException if DuckDB or the disk fails; the partial file is then removed
     */
    public Path build(LakeSnapshot lake, InputQuality quality, Path target) {
        Objects.requireNonNull(quality, "quality");
        return build(lake, target, connection -> {
            var loaded = LakeLoader.load(connection, lake);
            InputQualityTables.load(connection, quality);
            PausePoint.reach(PausePoint.PUBLISH_BUILD);
            ModelRunner.run(connection, ModelRunner.plan(loaded));
        });
    }

    /**
     * Builds the same lake tables and models into {@code target} as {@link #build}, but plainly:
     * no {@code dq_} tables, no comments, no model tests. What publish is measured against in the
     * benchmark; never published.
     *
     * @return {@code target}
     */
    public Path buildPlain(LakeSnapshot lake, Path target) {
        return build(
                lake,
                target,
                connection -> ModelRunner.runUntested(connection, ModelRunner.plan(LakeLoader.load(connection, lake))));
    }

    /** What a build does on its new file's connection. */
    private interface Content {
        void fill(Connection connection) throws SQLException;
    }

    private Path build(LakeSnapshot lake, Path target, Content content) {
        Objects.requireNonNull(lake, "lake");
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file) || Files.exists(wal(file))) {
            throw new IllegalStateException("warehouse file already exists: " + file);
        }
        long started = System.nanoTime();
        try {
            OwnerOnly.createDirectories(file.getParent());
            resources.prepareSpillFolder();
            LOG.info("building warehouse {} with {}", file, resources);
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
                // DuckDB cannot be told a mode and creates the file with the process's umask; it is
                // set right away, inside a folder that is owner-only already, before any row is in it
                OwnerOnly.restrict(file);
                configure(connection);
                content.fill(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
            }
            if (Files.exists(wal(file))) {
                OwnerOnly.restrict(wal(file));
            }
        } catch (SQLException | IOException | RuntimeException e) {
            deleteQuietly(file, e);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new WarehouseException("building warehouse " + file + ": " + e.getMessage(), e);
        }
        LOG.info(
                "built warehouse {} from {}.{} committed {} in {} ms",
                file,
                lake.catalog(),
                lake.namespace(),
                lake.committedAt(),
                (System.nanoTime() - started) / 1_000_000);
        return target;
    }

    private void configure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String setting : resources.settings()) {
                statement.execute(setting);
            }
            statement.execute("SET TimeZone = '" + TIME_ZONE + "'");
        }
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + ".wal");
    }

    private static void deleteQuietly(Path file, Exception cause) {
        for (Path path : new Path[] {file, wal(file)}) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
