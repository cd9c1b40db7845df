package io.shequ.jobs.extract;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The SQL that reads one grid-system table's increment, pushed down to the vendor database so it
 * sends only the changed rows. Plain ANSI SQL (a subquery and a {@code TIMESTAMP '…'} literal),
 * which H2 and PostgreSQL both run.
 *
 * <p>{@code event_flow} has no {@code updated_at}: the vendor touches the event whenever a flow row
 * is added, so the flows read are all the flows of the events in the event increment.
 */
final class GridIncrementQuery {

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private GridIncrementQuery() {}

    /** The query for {@code table}, reading rows updated after {@code after}, or every row when it is null. */
    static String of(String table, LocalDateTime after) {
        if (after == null) {
            return "SELECT * FROM " + table;
        }
        String bound = "TIMESTAMP '" + LITERAL.format(after) + "'";
        return switch (table) {
            case "grid", "event" -> "SELECT * FROM " + table + " WHERE updated_at > " + bound;
            case "event_flow" ->
                "SELECT f.* FROM event_flow f WHERE f.event_id IN "
                        + "(SELECT e.event_id FROM event e WHERE e.updated_at > " + bound + ")";
            default -> throw new IllegalArgumentException("not a grid-system table: " + table);
        };
    }

    /** The query for {@code table}, reading rows updated in {@code [from, until)} (a backfill's window). */
    static String between(String table, LocalDateTime from, LocalDateTime until) {
        String window = "updated_at >= TIMESTAMP '" + LITERAL.format(from) + "' AND updated_at < TIMESTAMP '"
                + LITERAL.format(until) + "'";
        return switch (table) {
            case "grid", "event" -> "SELECT * FROM " + table + " WHERE " + window;
            case "event_flow" ->
                "SELECT f.* FROM event_flow f WHERE f.event_id IN (SELECT e.event_id FROM event e WHERE e."
                        + window.replace(" AND updated_at", " AND e.updated_at") + ")";
            default -> throw new IllegalArgumentException("not a grid-system table: " + table);
        };
    }

    /** True for the tables that carry {@code updated_at} and so have a watermark of their own. */
    static boolean hasWatermark(String table) {
        return !table.equals("event_flow");
    }
}
