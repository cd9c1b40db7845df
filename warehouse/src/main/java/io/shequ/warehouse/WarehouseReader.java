package io.shequ.warehouse;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;

/**
 * Reads the current warehouse snapshot, read-only and sandboxed: SQL run on this connection
 * cannot touch the file system (no {@code read_csv}, {@code COPY}, {@code ATTACH}) or change
 * settings.
 *
 * <p>The reader opens the real snapshot file the link points to when it is created, so it keeps
 * one consistent snapshot until it is closed, whatever is published meanwhile. Not thread-safe.
 */
public final class WarehouseReader implements AutoCloseable {

    /** The levels {@link #indicators} accepts. */
    public static final Set<String> LEVELS = Set.of("city", "district", "street", "community");

    private static final String INDICATORS = ClasspathText.read("queries/indicators.sql");
    private static final String DIVISION_PATH = ClasspathText.read("queries/division_path.sql");

    private final Path home;
    private final Path snapshot;
    private final Path currentLink;
    private final Path spill;
    private final Connection connection;

    private WarehouseReader(Path home, Path snapshot, Path currentLink, Path spill, Connection connection) {
        this.home = home;
        this.snapshot = snapshot;
        this.currentLink = currentLink;
        this.spill = spill;
        this.connection = connection;
    }

    /**
     * Opens the snapshot that is current in {@code <home>/warehouse/}, bounded like the publish
     * ({@link DuckDbResources#fromMachine}: threads, memory, a capped spill) and spilling to a
     * folder of its own under {@link DuckDbResources#readerSpill}, removed when it is closed.
     *
     * @throws IllegalStateException if nothing was published yet
     */
    public static WarehouseReader open(Path home) {
        return open(home, 0, 0);
    }

    /**
     * Opens the current snapshot like {@link #open(Path)}, with at most {@code threads} worker
     * threads and {@code memoryBytes} of memory (0: sized from the machine).
     */
    public static WarehouseReader open(Path home, int threads, long memoryBytes) {
        Path root = home.toAbsolutePath().normalize();
        WarehousePublisher publisher = new WarehousePublisher(root);
        Path snapshot = publisher
                .current()
                .orElseThrow(() -> new IllegalStateException("no warehouse published in " + publisher.folder()));
        Path spill = ReaderSpill.create(root);
        try {
            DuckDbResources machine = DuckDbResources.fromMachine(spill);
            DuckDbResources resources = new DuckDbResources(
                    threads > 0 ? threads : machine.threads(),
                    memoryBytes > 0 ? memoryBytes : machine.memoryBytes(),
                    spill,
                    machine.maxSpillBytes());
            return new WarehouseReader(
                    root, snapshot, publisher.currentLink(), spill, openSandboxed(snapshot, resources));
        } catch (RuntimeException e) {
            ReaderSpill.delete(spill);
            throw e;
        }
    }

    /** A read-only connection to {@code file} on which SQL cannot reach the file system. */
    static Connection openSandboxed(Path file) {
        return openSandboxed(file, null);
    }

    /**
     * A read-only connection to {@code file} on which SQL cannot reach the file system, bounded by
     * {@code resources} (null: DuckDB's defaults) before its settings are locked.
     */
    static Connection openSandboxed(Path file, DuckDbResources resources) {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
            try (Statement statement = connection.createStatement()) {
                if (resources != null) {
                    resources.prepareSpillFolder();
                    for (String setting : resources.settings()) {
                        statement.execute(setting);
                    }
                }
                statement.execute("SET enable_external_access = false");
                statement.execute("SET lock_configuration = true");
            } catch (SQLException | IOException e) {
                connection.close();
                throw new SQLException("bounding the connection: " + e.getMessage(), e);
            }
            return connection;
        } catch (SQLException e) {
            throw new WarehouseException("opening " + file + " read-only", e);
        }
    }

    /**
     * A new connection to the same snapshot, sharing this reader's database and so its sandbox,
     * bounds and locked settings; one per concurrent query (DuckDB runs them in parallel). The
     * caller closes it, before this reader.
     */
    public Connection session() {
        try {
            return connection.unwrap(DuckDBConnection.class).duplicate();
        } catch (SQLException e) {
            throw new WarehouseException("opening a session on " + snapshot, e);
        }
    }

    /** The snapshot file this reader reads. */
    public Path snapshot() {
        return snapshot;
    }

    /**
     * The JDBC URL a BI tool should use: the current link, read-only and sandboxed like this
     * reader, and bounded like it, sized from this machine, spilling to {@code <home>/work/bi-spill}
     * (created owner-only). DuckDB's driver takes settings after {@code ;} in the URL; a {@code ?}
     * would become part of the file name.
     */
    public String jdbcUrl() {
        DuckDbResources resources =
                DuckDbResources.fromMachine(home.resolve("work").resolve("bi-spill"));
        try {
            resources.prepareSpillFolder();
        } catch (IOException e) {
            throw new WarehouseException("creating the BI spill folder " + resources.spillFolder(), e);
        }
        return jdbcUrl(currentLink, resources);
    }

    static String jdbcUrl(Path currentLink, DuckDbResources resources) {
        String path = currentLink.toString();
        if (path.contains(";")) {
            throw new IllegalStateException("a DuckDB JDBC URL cannot name a path with ';': " + path);
        }
        return "jdbc:duckdb:" + path + ";duckdb.read_only=true" + resources.urlSettings()
                + ";enable_external_access=false;lock_configuration=true";
    }

    /**
     * The indicator values of {@code mart_indicators}, ordered by year, division code, indicator
     * and breakdown.
     *
     * @param level {@code city}, {@code district}, {@code street}, {@code community}, or null for all
     * @param year a calendar year, or null for all
     * @throws IllegalArgumentException if {@code level} is not one of {@link #LEVELS}
     */
    public List<IndicatorValue> indicators(String level, Integer year) {
        if (level != null && !LEVELS.contains(level)) {
            throw new IllegalArgumentException("level must be one of " + LEVELS + ": " + level);
        }
        return indicators(level, year, null, null, null);
    }

    /** Every published value of one division (every year, indicator and breakdown), read by the query's filter. */
    public List<IndicatorValue> indicatorsOf(String divisionCode) {
        return indicators(null, null, divisionCode, null, null);
    }

    private List<IndicatorValue> indicators(
            String level, Integer year, String division, String indicator, String breakdown) {
        List<IndicatorValue> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(INDICATORS)) {
            Object[] filters = {level, year, division, indicator, breakdown};
            int[] types = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
            for (int f = 0; f < filters.length; f++) {
                statement.setObject(2 * f + 1, filters[f], types[f]);
                statement.setObject(2 * f + 2, filters[f], types[f]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(new IndicatorValue(
                            rows.getInt(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            nullableDouble(rows, 7),
                            nullableDouble(rows, 8),
                            nullableDouble(rows, 9),
                            rows.getString(10),
                            rows.getString(11),
                            rows.getString(12),
                            rows.getString(13)));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading indicators from " + snapshot, e);
        }
        return values;
    }

    /**
     * The whole trail behind one published value: its division path, the totals of its fact rows
     * and every row of {@code mart_indicator_lineage}, with the source file (or table) and row of each.
     *
     * @param breakdown {@code ""} for the headline figure
     * @return empty if {@code mart_indicators} has no such value
     */
    public Optional<IndicatorTrail> trail(String indicator, String divisionCode, int year, String breakdown) {
        return trail(indicator, divisionCode, year, breakdown, Long.MAX_VALUE);
    }

    /**
     * The trail behind one published value with only its first {@code firstRows} fact rows; the
     * summary still covers all of them.
     *
     * @param breakdown {@code ""} for the headline figure
     * @return empty if {@code mart_indicators} has no such value
     */
    public Optional<IndicatorTrail> trail(
            String indicator, String divisionCode, int year, String breakdown, long firstRows) {
        List<IndicatorValue> values = indicators(null, year, divisionCode, indicator, breakdown);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        try {
            IndicatorTrailQuery query = IndicatorTrailQuery.of(connection, indicator, divisionCode, year, breakdown);
            if (query == null) {
                return Optional.of(
                        new IndicatorTrail(values.get(0), divisionPath(divisionCode), TrailSummary.empty(), List.of()));
            }
            List<LineageRow> rows = new ArrayList<>();
            query.rows(firstRows, rows::add);
            return Optional.of(new IndicatorTrail(values.get(0), divisionPath(divisionCode), query.summary(), rows));
        } catch (SQLException e) {
            throw new WarehouseException(
                    "reading the lineage of " + indicator + " " + divisionCode + " " + year + " from " + snapshot, e);
        }
    }

    /**
     * Hands every fact row behind one published value to {@code sink}, in source order, without
     * holding them all in memory (for {@code explain --format csv}).
     *
     * @return false if {@code mart_indicators} has no such value
     */
    public boolean eachTrailRow(
            String indicator, String divisionCode, int year, String breakdown, Consumer<LineageRow> sink) {
        if (indicators(null, year, divisionCode, indicator, breakdown).isEmpty()) {
            return false;
        }
        try {
            IndicatorTrailQuery query = IndicatorTrailQuery.of(connection, indicator, divisionCode, year, breakdown);
            if (query != null) {
                query.rows(Long.MAX_VALUE, sink);
            }
            return true;
        } catch (SQLException e) {
            throw new WarehouseException(
                    "reading the lineage of " + indicator + " " + divisionCode + " " + year + " from " + snapshot, e);
        }
    }

    private List<IndicatorTrail.DivisionName> divisionPath(String divisionCode) throws SQLException {
        List<IndicatorTrail.DivisionName> path = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DIVISION_PATH)) {
            for (int i = 1; i <= 4; i++) {
                statement.setString(i, divisionCode);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    path.add(new IndicatorTrail.DivisionName(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return path;
    }

    /**
     * Runs one ad-hoc query on the sandboxed connection and returns its rows in result order.
     *
     * @throws WarehouseException if DuckDB refuses or fails the query
     */
    public List<List<Object>> query(String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return WarehouseContent.rows(rows);
        } catch (SQLException e) {
            throw new WarehouseException("query on " + snapshot + " failed: " + e.getMessage(), e);
        }
    }

    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WarehouseException("closing " + snapshot, e);
        } finally {
            ReaderSpill.delete(spill);
        }
    }
}
