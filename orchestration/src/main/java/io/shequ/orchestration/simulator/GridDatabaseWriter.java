package io.shequ.orchestration.simulator;

import io.shequ.orchestration.simulator.GridEvent.Flow;
import io.shequ.orchestration.simulator.GridLayout.Grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/** Creates the simulated vendor's grid-system database (H2, one file) in the vendor's schema. */
final class GridDatabaseWriter {

    static final String FOLDER = "grid-system";
    static final String USER = "grid_reader";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int BATCH = 1000;

    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE grid(grid_code VARCHAR PRIMARY KEY, grid_name VARCHAR, grid_level INT, parent_code VARCHAR,
              community_code VARCHAR(12), created_at TIMESTAMP, retired_at TIMESTAMP, updated_at TIMESTAMP)""", """
            CREATE TABLE event(event_id VARCHAR PRIMARY KEY, grid_code VARCHAR, category_code VARCHAR,
              channel VARCHAR, title VARCHAR, address VARCHAR, reporter_name VARCHAR, reporter_phone VARCHAR,
              reporter_id_no VARCHAR, reported_at TIMESTAMP, deadline_at TIMESTAMP, status VARCHAR,
              satisfaction VARCHAR, updated_at TIMESTAMP)""", """
            CREATE TABLE event_flow(event_id VARCHAR, seq INT, action VARCHAR, acted_at TIMESTAMP, operator VARCHAR,
              note VARCHAR, PRIMARY KEY(event_id, seq))""");

    private GridDatabaseWriter() {
    }

    static String jdbcUrl(Path out) {
        return "jdbc:h2:file:" + out.toAbsolutePath().normalize().resolve(FOLDER).resolve("grid").toString()
                .replace('\\', '/');
    }

    /** A password the simulated vendor handed out: the same for the same seed, never written to a file. */
    static String password(Random random) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    static void write(Path out, String password, List<Grid> grids, List<GridEvent> events)
            throws IOException, SQLException {
        Files.createDirectories(out.resolve(FOLDER));
        try (Connection db = DriverManager.getConnection(jdbcUrl(out), USER, password)) {
            db.setAutoCommit(false);
            try (Statement ddl = db.createStatement()) {
                for (String statement : SCHEMA) {
                    ddl.execute(statement);
                }
            }
            insertGrids(db, grids);
            insertEvents(db, events);
            db.commit();
        }
    }

    private static void insertGrids(Connection db, List<Grid> grids) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO grid VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")) {
            int pending = 0;
            for (Grid g : grids) {
                insert.setString(1, g.code());
                insert.setString(2, g.name());
                insert.setInt(3, g.level());
                insert.setString(4, g.parentCode());
                insert.setString(5, g.communityCode());
                insert.setObject(6, g.createdAt());
                insert.setObject(7, g.createdAt());
                insert.addBatch();
                pending = flush(insert, pending + 1);
            }
            insert.executeBatch();
        }
    }

    private static void insertEvents(Connection db, List<GridEvent> events) throws SQLException {
        try (PreparedStatement event = db.prepareStatement(
                "INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement flow = db.prepareStatement("INSERT INTO event_flow VALUES (?, ?, ?, ?, ?, ?)")) {
            int pendingEvents = 0;
            int pendingFlows = 0;
            for (GridEvent e : events) {
                event.setString(1, e.eventId());
                event.setString(2, e.gridCode());
                event.setString(3, e.categoryCode());
                event.setString(4, e.channel());
                event.setString(5, e.title());
                event.setString(6, e.address());
                event.setString(7, e.reporter().name());
                event.setString(8, e.reporter().phone());
                event.setString(9, e.reporter().idNumber());
                event.setObject(10, e.reportedAt());
                setTimestamp(event, 11, e.deadlineAt());
                event.setString(12, e.status());
                event.setString(13, e.satisfaction());
                event.setObject(14, e.updatedAt());
                event.addBatch();
                pendingEvents = flush(event, pendingEvents + 1);
                for (Flow f : e.flows()) {
                    flow.setString(1, e.eventId());
                    flow.setInt(2, f.seq());
                    flow.setString(3, f.action());
                    flow.setObject(4, f.actedAt());
                    flow.setString(5, f.operator());
                    flow.setString(6, f.note());
                    flow.addBatch();
                    pendingFlows = flush(flow, pendingFlows + 1);
                }
            }
            event.executeBatch();
            flow.executeBatch();
        }
    }

    private static void setTimestamp(PreparedStatement statement, int index, LocalDateTime value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, value);
        }
    }

    private static int flush(PreparedStatement statement, int pending) throws SQLException {
        if (pending < BATCH) {
            return pending;
        }
        statement.executeBatch();
        return 0;
    }
}
