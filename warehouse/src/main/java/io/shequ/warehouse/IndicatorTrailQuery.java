package io.shequ.warehouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Derives the trail of one indicator value by query, reading only its division's facts
 * ({@code int_lineage_placed} with the division's code prefix): its totals by source and by child
 * division in one pass without building any text, then the first rows' keys in source order, then
 * the details of those rows alone. A city-wide value of 1.5 M events is summed in about a second.
 */
final class IndicatorTrailQuery {

    private static final String GROUPS = ClasspathText.read("queries/indicator_trail_groups.sql");
    private static final String KEYS = ClasspathText.read("queries/indicator_trail_keys.sql");
    private static final String ROWS = ClasspathText.read("queries/indicator_trail_rows.sql");
    private static final String SOURCE_ORDER =
            "\nORDER BY fact_table, source, try_cast(source_row AS INTEGER), source_row, fact_key";
    private static final String SCOPE = "SELECT code_prefix FROM int_division_scope WHERE division_code = ?";

    private final Connection connection;
    private final String indicator;
    private final String division;
    private final int year;
    private final String breakdown;
    private final String prefix;

    private IndicatorTrailQuery(
            Connection connection, String indicator, String division, int year, String breakdown, String prefix) {
        this.connection = connection;
        this.indicator = indicator;
        this.division = division;
        this.year = year;
        this.breakdown = breakdown;
        this.prefix = prefix;
    }

    /** The trail of one value, or null if its division is not in the warehouse's scope. */
    static IndicatorTrailQuery of(Connection connection, String indicator, String division, int year, String breakdown)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SCOPE)) {
            statement.setString(1, division);
            try (ResultSet result = statement.executeQuery()) {
                return result.next()
                        ? new IndicatorTrailQuery(connection, indicator, division, year, breakdown, result.getString(1))
                        : null;
            }
        }
    }

    /** The totals of all the value's rows, by source and by child division. */
    TrailSummary summary() throws SQLException {
        long rows = 0;
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = null;
        List<TrailSummary.Group> bySource = new ArrayList<>();
        List<TrailSummary.Group> byChild = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(GROUPS)) {
            statement.setInt(1, prefix.length() == 4 ? 6 : prefix.length() == 6 ? 9 : 12);
            bindValue(statement, 2);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    TrailSummary.Group group = new TrailSummary.Group(
                            result.getString(2),
                            result.getString(3),
                            result.getLong(4),
                            result.getBigDecimal(5),
                            result.getBigDecimal(6));
                    switch (result.getString(1)) {
                        case "total" -> {
                            rows = group.rows();
                            numerator = group.numerator();
                            denominator = group.denominator();
                        }
                        case "source" -> bySource.add(group);
                        default -> byChild.add(group);
                    }
                }
            }
        }
        return new TrailSummary(rows, numerator, denominator, bySource, byChild);
    }

    /** Hands the first {@code limit} rows, in source order, to {@code sink}; every row if the limit is {@code Long.MAX_VALUE}. */
    void rows(long limit, Consumer<LineageRow> sink) throws SQLException {
        String sql = ROWS;
        if (limit != Long.MAX_VALUE) {
            List<String> keys = firstKeys(limit);
            if (keys.isEmpty()) {
                return;
            }
            // literal keys reach the scan of the facts, so only these rows' details are built
            sql += "  AND fact_key IN ("
                    + keys.stream().map(k -> "'" + k.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")";
        }
        try (PreparedStatement statement = connection.prepareStatement(sql + SOURCE_ORDER)) {
            bindValue(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                long taken = 0;
                while (rows.next() && taken++ < limit) {
                    sink.accept(new LineageRow(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getBigDecimal(6),
                            rows.getBigDecimal(7)));
                }
            }
        }
    }

    private List<String> firstKeys(long limit) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(KEYS)) {
            bindValue(statement, 1);
            statement.setLong(6, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }

    /** Binds division, prefix, indicator, year and breakdown from parameter {@code first} on. */
    private void bindValue(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, division);
        statement.setString(first + 1, prefix);
        statement.setString(first + 2, indicator);
        statement.setInt(first + 3, year);
        statement.setString(first + 4, breakdown);
    }
}
