package io.shequ.simulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds one more day of grid events to a vendor database the simulator wrote: the events reported on
 * {@code day - 1} again as new events one day later (new ids, every time and the flows moved by a
 * day), entered at {@code enteredAt}. That instant becomes their {@code updated_at}, so an extract
 * whose committed watermark is earlier reads them as its increment — the way a benchmark measures a
 * run with one day of new data on top of a loaded year.
 *
 * <p>Plain JDBC with portable SQL, in one transaction; the rest of the database is untouched.
 */
public final class GridDayAppender {

    private static final DateTimeFormatter ID_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private GridDayAppender() {}

    /** What was added. */
    public record Added(int events, int flows) {}

    /**
     * @param day       the day the new events are reported on; the events of the day before are their pattern
     * @param enteredAt the vendor's wall-clock time of entry: after the watermark, not after the next extract
     */
    public static Added appendDay(
            String jdbcUrl, String user, String password, LocalDate day, LocalDateTime enteredAt) {
        String suffix = "-" + ID_SUFFIX.format(enteredAt); // unique per append, so a second append adds again
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password == null ? "" : password)) {
            db.setAutoCommit(false);
            try {
                List<String> ids = patternIds(db, day.minusDays(1));
                int events = copyEvents(db, ids, suffix, enteredAt);
                int flows = copyFlows(db, ids, suffix);
                db.commit();
                return new Added(events, flows);
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("appending the grid events of " + day + " at " + jdbcUrl, e);
        }
    }

    private static List<String> patternIds(Connection db, LocalDate day) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT event_id FROM event WHERE reported_at >= ? AND reported_at < ? ORDER BY event_id")) {
            select.setObject(1, day.atStartOfDay());
            select.setObject(2, day.plusDays(1).atStartOfDay());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static int copyEvents(Connection db, List<String> ids, String suffix, LocalDateTime enteredAt)
            throws SQLException {
        String columns = "grid_code, category_code, channel, title, address, reporter_name, reporter_phone,"
                + " reporter_id_no, reported_at, deadline_at, status, satisfaction";
        int added = 0;
        try (PreparedStatement select = db.prepareStatement("SELECT " + columns + " FROM event WHERE event_id = ?");
                PreparedStatement insert = db.prepareStatement("INSERT INTO event(" + columns
                        + ", updated_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String id : ids) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        continue;
                    }
                    for (int c = 1; c <= 12; c++) {
                        Object value = row.getObject(c);
                        insert.setObject(
                                c,
                                value instanceof Timestamp t
                                        ? t.toLocalDateTime().plusDays(1)
                                        : value);
                    }
                }
                insert.setObject(13, enteredAt);
                insert.setString(14, id + suffix);
                insert.addBatch();
                added++;
            }
            insert.executeBatch();
        }
        return added;
    }

    private static int copyFlows(Connection db, List<String> ids, String suffix) throws SQLException {
        int added = 0;
        try (PreparedStatement select = db.prepareStatement(
                        "SELECT seq, action, acted_at, operator, note FROM event_flow WHERE event_id = ?");
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO event_flow(event_id, seq, action, acted_at, operator, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String id : ids) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        insert.setString(1, id + suffix);
                        insert.setInt(2, row.getInt(1));
                        insert.setString(3, row.getString(2));
                        LocalDateTime acted = row.getObject(3, LocalDateTime.class);
                        insert.setObject(4, acted == null ? null : acted.plusDays(1));
                        insert.setString(5, row.getString(4));
                        insert.setString(6, row.getString(5));
                        insert.addBatch();
                        added++;
                    }
                }
            }
            insert.executeBatch();
        }
        return added;
    }
}
