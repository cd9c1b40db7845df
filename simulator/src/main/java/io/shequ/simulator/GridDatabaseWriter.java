package io.shequ.simulator;

import io.shequ.simulator.GridEvent.Flow;
import io.shequ.simulator.GridLayout.Grid;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes the simulated vendor's grid-system database, in the vendor's schema, to any JDBC URL (an H2
 * file by default, PostgreSQL as well): whole as of an instant, or moved forward to a later instant
 * the way the vendor system changes it (new rows inserted, changed rows updated, in batches).
 *
 * <p>Only portable SQL: plain DDL, INSERT and UPDATE by key, no MERGE or upsert dialects.
 */
final class GridDatabaseWriter {

    static final String FOLDER = "grid-system";
    static final String USER = "grid_reader";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int BATCH = 1000;

    private static final List<String> DROP =
            List.of("DROP TABLE IF EXISTS event_flow", "DROP TABLE IF EXISTS event", "DROP TABLE IF EXISTS grid");
    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE grid(grid_code VARCHAR(64) PRIMARY KEY, grid_name VARCHAR(200), grid_level INT,
              parent_code VARCHAR(64), community_code VARCHAR(12), created_at TIMESTAMP, retired_at TIMESTAMP,
              updated_at TIMESTAMP)""", """
            CREATE TABLE event(event_id VARCHAR(64) PRIMARY KEY, grid_code VARCHAR(64), category_code VARCHAR(16),
              channel VARCHAR(32), title VARCHAR(200), address VARCHAR(400), reporter_name VARCHAR(64),
              reporter_phone VARCHAR(32), reporter_id_no VARCHAR(32), reported_at TIMESTAMP, deadline_at TIMESTAMP,
              status VARCHAR(16), satisfaction VARCHAR(16), updated_at TIMESTAMP)""", """
            CREATE TABLE event_flow(event_id VARCHAR(64), seq INT, action VARCHAR(16), acted_at TIMESTAMP,
              operator VARCHAR(64), note VARCHAR(400), PRIMARY KEY(event_id, seq))""");

    private static final String INSERT_GRID = "INSERT INTO grid(grid_name, grid_level, parent_code, community_code,"
            + " created_at, retired_at, updated_at, grid_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_GRID = "UPDATE grid SET grid_name = ?, grid_level = ?, parent_code = ?,"
            + " community_code = ?, created_at = ?, retired_at = ?, updated_at = ? WHERE grid_code = ?";
    private static final String INSERT_EVENT = "INSERT INTO event(grid_code, category_code, channel, title, address,"
            + " reporter_name, reporter_phone, reporter_id_no, reported_at, deadline_at, status, satisfaction,"
            + " updated_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_EVENT = "UPDATE event SET grid_code = ?, category_code = ?, channel = ?,"
            + " title = ?, address = ?, reporter_name = ?, reporter_phone = ?, reporter_id_no = ?, reported_at = ?,"
            + " deadline_at = ?, status = ?, satisfaction = ?, updated_at = ? WHERE event_id = ?";
    private static final String INSERT_FLOW =
            "INSERT INTO event_flow(event_id, seq, action, acted_at, operator, note) VALUES (?, ?, ?, ?, ?, ?)";

    /**
     * H2 traces to the log instead of a {@code *.trace.db} file beside the database: the file would hold
     * the failing SQL, personal data included, readable by other users.
     */
    private static final String TRACE_TO_LOG = ";TRACE_LEVEL_FILE=4";

    private GridDatabaseWriter() {}

    /** The default target: an H2 file under the output folder. */
    static String jdbcUrl(Path out) {
        return "jdbc:h2:file:"
                + out.toAbsolutePath()
                        .normalize()
                        .resolve(FOLDER)
                        .resolve("grid")
                        .toString()
                        .replace('\\', '/') + TRACE_TO_LOG;
    }

    /** A password the simulated vendor handed out: the same for the same seed, never written to a file. */
    static String password(Random random) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /** Replaces the vendor tables at {@code url} with the snapshot. */
    static void write(String url, String user, String password, GridSnapshot snapshot) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            try (Statement ddl = db.createStatement()) {
                for (String statement : DROP) {
                    ddl.execute(statement);
                }
                for (String statement : SCHEMA) {
                    ddl.execute(statement);
                }
            }
            db.commit();
            try (Batch grids = new Batch(db, INSERT_GRID);
                    Batch events = new Batch(db, INSERT_EVENT);
                    Batch flows = new Batch(db, INSERT_FLOW)) {
                for (Grid grid : snapshot.grids()) {
                    grids.add(ps -> bindGrid(ps, grid));
                }
                for (EventState event : snapshot.events()) {
                    events.add(ps -> bindEvent(ps, event));
                    for (Flow flow : event.flows()) {
                        flows.add(ps -> bindFlow(ps, event.event().eventId(), flow));
                    }
                }
            }
            db.commit();
        }
    }

    /**
     * Moves the database at {@code url} forward to the snapshot: grid and event rows that are new are
     * inserted, those whose {@code updated_at} changed are updated, new flow rows are inserted; all in
     * one transaction. A row the snapshot does not have means the database is later than it: refused.
     */
    static void advance(String url, String user, String password, GridSnapshot snapshot) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            try {
                Map<String, LocalDateTime> gridStamps = stamps(db, "SELECT grid_code, updated_at FROM grid");
                Map<String, LocalDateTime> eventStamps = stamps(db, "SELECT event_id, updated_at FROM event");
                Set<String> flowKeys = flowKeys(db);
                refuseGoingBack(snapshot, gridStamps.keySet(), eventStamps.keySet(), flowKeys);
                try (Batch insertGrids = new Batch(db, INSERT_GRID);
                        Batch updateGrids = new Batch(db, UPDATE_GRID);
                        Batch insertEvents = new Batch(db, INSERT_EVENT);
                        Batch updateEvents = new Batch(db, UPDATE_EVENT);
                        Batch insertFlows = new Batch(db, INSERT_FLOW)) {
                    for (Grid grid : snapshot.grids()) {
                        LocalDateTime stamp = gridStamps.get(grid.code());
                        if (stamp == null) {
                            insertGrids.add(ps -> bindGrid(ps, grid));
                        } else if (!stamp.equals(grid.writtenAt())) {
                            updateGrids.add(ps -> bindGrid(ps, grid));
                        }
                    }
                    for (EventState event : snapshot.events()) {
                        String id = event.event().eventId();
                        LocalDateTime stamp = eventStamps.get(id);
                        if (stamp == null) {
                            insertEvents.add(ps -> bindEvent(ps, event));
                        } else if (!stamp.equals(event.updatedAt())) {
                            updateEvents.add(ps -> bindEvent(ps, event));
                        }
                        for (Flow flow : event.flows()) {
                            if (!flowKeys.contains(flowKey(id, flow.seq()))) {
                                insertFlows.add(ps -> bindFlow(ps, id, flow));
                            }
                        }
                    }
                }
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    private static void refuseGoingBack(
            GridSnapshot snapshot, Set<String> grids, Set<String> events, Set<String> flows) {
        Set<String> targetGrids = snapshot.gridCodes();
        Set<String> targetEvents = new HashSet<>();
        Set<String> targetFlows = new HashSet<>();
        for (EventState event : snapshot.events()) {
            targetEvents.add(event.event().eventId());
            event.flows().forEach(f -> targetFlows.add(flowKey(event.event().eventId(), f.seq())));
        }
        if (!targetGrids.containsAll(grids) || !targetEvents.containsAll(events) || !targetFlows.containsAll(flows)) {
            throw new IllegalArgumentException(
                    "the grid database holds rows written after " + snapshot.asOf() + ": it can only be moved forward");
        }
    }

    private static Map<String, LocalDateTime> stamps(Connection db, String sql) throws SQLException {
        Map<String, LocalDateTime> stamps = new HashMap<>();
        try (Statement statement = db.createStatement()) {
            statement.setFetchSize(BATCH);
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    stamps.put(rows.getString(1), rows.getObject(2, LocalDateTime.class));
                }
            }
        }
        return stamps;
    }

    private static Set<String> flowKeys(Connection db) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Statement statement = db.createStatement()) {
            statement.setFetchSize(BATCH);
            try (ResultSet rows = statement.executeQuery("SELECT event_id, seq FROM event_flow")) {
                while (rows.next()) {
                    keys.add(flowKey(rows.getString(1), rows.getInt(2)));
                }
            }
        }
        return keys;
    }

    private static String flowKey(String eventId, int seq) {
        return eventId + '#' + seq;
    }

    /** Columns in the order of {@link #INSERT_GRID} and {@link #UPDATE_GRID}, the key last. */
    private static void bindGrid(PreparedStatement ps, Grid g) throws SQLException {
        ps.setString(1, g.name());
        ps.setInt(2, g.level());
        ps.setString(3, g.parentCode());
        ps.setString(4, g.communityCode());
        setTimestamp(ps, 5, g.createdAt());
        setTimestamp(ps, 6, null);
        setTimestamp(ps, 7, g.writtenAt());
        ps.setString(8, g.code());
    }

    /** Columns in the order of {@link #INSERT_EVENT} and {@link #UPDATE_EVENT}, the key last. */
    private static void bindEvent(PreparedStatement ps, EventState state) throws SQLException {
        GridEvent e = state.event();
        ps.setString(1, e.gridCode());
        ps.setString(2, e.categoryCode());
        ps.setString(3, e.channel());
        ps.setString(4, e.title());
        ps.setString(5, e.address());
        ps.setString(6, e.reporter().name());
        ps.setString(7, e.reporter().phone());
        ps.setString(8, e.reporter().idNumber());
        setTimestamp(ps, 9, state.writtenReportedAt());
        setTimestamp(ps, 10, state.deadlineAt());
        ps.setString(11, state.status());
        ps.setString(12, state.satisfaction());
        setTimestamp(ps, 13, state.updatedAt());
        ps.setString(14, e.eventId());
    }

    private static void bindFlow(PreparedStatement ps, String eventId, Flow f) throws SQLException {
        ps.setString(1, eventId);
        ps.setInt(2, f.seq());
        ps.setString(3, f.action());
        setTimestamp(ps, 4, f.actedAt());
        ps.setString(5, f.operator());
        ps.setString(6, f.note());
    }

    private static void setTimestamp(PreparedStatement statement, int index, LocalDateTime value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, value);
        }
    }

    /** Binds one row's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** A prepared statement executed in batches of {@value #BATCH} rows; the rest on close. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        Batch(Connection db, String sql) throws SQLException {
            this.statement = db.prepareStatement(sql);
        }

        void add(Binder binder) throws SQLException {
            binder.bind(statement);
            statement.addBatch();
            if (++pending == BATCH) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        }
    }
}
