package io.shequ.jobs.gridfixture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A grid-management vendor database for tests, written with plain JDBC batches in SQL that H2
 * and PostgreSQL both run: the vendor's schema (grid, event, event_flow), and upserts of grid, event and flow
 * rows as the vendor would make them (delete then insert per key, in one transaction).
 */
public final class VendorGridDatabase {

    /** A row of {@code grid}. */
    public record Grid(
            String gridCode,
            String gridName,
            int level,
            String parentCode,
            String communityCode,
            LocalDateTime createdAt,
            LocalDateTime updatedAt) {}

    /** A row of {@code event}. */
    public record Event(
            String eventId,
            String gridCode,
            String categoryCode,
            String channel,
            String title,
            String address,
            String reporterName,
            String reporterPhone,
            String reporterIdNo,
            LocalDateTime reportedAt,
            LocalDateTime deadlineAt,
            String status,
            String satisfaction,
            LocalDateTime updatedAt) {}

    /** A row of {@code event_flow}. */
    public record Flow(String eventId, int seq, String action, LocalDateTime actedAt, String operator, String note) {}

    private final String url;
    private final String user;
    private final String password;

    public VendorGridDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public void createSchema() throws SQLException {
        try (Connection db = connect();
                Statement s = db.createStatement()) {
            s.execute("""
                    CREATE TABLE grid(grid_code VARCHAR(32) PRIMARY KEY, grid_name VARCHAR(64), grid_level INT,
                      parent_code VARCHAR(32), community_code VARCHAR(12), created_at TIMESTAMP, retired_at TIMESTAMP,
                      updated_at TIMESTAMP)""");
            s.execute("""
                    CREATE TABLE event(event_id VARCHAR(32) PRIMARY KEY, grid_code VARCHAR(32), category_code VARCHAR(16),
                      channel VARCHAR(16), title VARCHAR(128), address VARCHAR(128), reporter_name VARCHAR(32),
                      reporter_phone VARCHAR(32), reporter_id_no VARCHAR(32), reported_at TIMESTAMP, deadline_at TIMESTAMP,
                      status VARCHAR(16), satisfaction VARCHAR(16), updated_at TIMESTAMP)""");
            s.execute("""
                    CREATE TABLE event_flow(event_id VARCHAR(32), seq INT, action VARCHAR(16), acted_at TIMESTAMP,
                      operator VARCHAR(32), note VARCHAR(128), PRIMARY KEY(event_id, seq))""");
        }
    }

    public void upsertGrids(List<Grid> grids) throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM grid WHERE grid_code = ?");
                    PreparedStatement insert =
                            db.prepareStatement("INSERT INTO grid VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")) {
                for (Grid g : grids) {
                    delete.setString(1, g.gridCode());
                    delete.addBatch();
                    insert.setString(1, g.gridCode());
                    insert.setString(2, g.gridName());
                    insert.setInt(3, g.level());
                    insert.setString(4, g.parentCode());
                    insert.setString(5, g.communityCode());
                    insert.setObject(6, g.createdAt());
                    insert.setObject(7, g.updatedAt());
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            db.commit();
        }
    }

    /** Upserts events and replaces all flow rows of each given event with {@code flows}' rows for it. */
    public void upsertEvents(List<Event> events, List<Flow> flows) throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement deleteEvent = db.prepareStatement("DELETE FROM event WHERE event_id = ?");
                    PreparedStatement deleteFlows = db.prepareStatement("DELETE FROM event_flow WHERE event_id = ?");
                    PreparedStatement insertEvent =
                            db.prepareStatement("INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement insertFlow =
                            db.prepareStatement("INSERT INTO event_flow VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Event e : events) {
                    deleteEvent.setString(1, e.eventId());
                    deleteEvent.addBatch();
                    deleteFlows.setString(1, e.eventId());
                    deleteFlows.addBatch();
                    Object[] values = {
                        e.eventId(),
                        e.gridCode(),
                        e.categoryCode(),
                        e.channel(),
                        e.title(),
                        e.address(),
                        e.reporterName(),
                        e.reporterPhone(),
                        e.reporterIdNo(),
                        e.reportedAt(),
                        e.deadlineAt(),
                        e.status(),
                        e.satisfaction(),
                        e.updatedAt()
                    };
                    for (int i = 0; i < values.length; i++) {
                        insertEvent.setObject(i + 1, values[i]);
                    }
                    insertEvent.addBatch();
                }
                for (Flow f : flows) {
                    insertFlow.setString(1, f.eventId());
                    insertFlow.setInt(2, f.seq());
                    insertFlow.setString(3, f.action());
                    insertFlow.setObject(4, f.actedAt());
                    insertFlow.setString(5, f.operator());
                    insertFlow.setString(6, f.note());
                    insertFlow.addBatch();
                }
                deleteEvent.executeBatch();
                deleteFlows.executeBatch();
                insertEvent.executeBatch();
                insertFlow.executeBatch();
            }
            db.commit();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
