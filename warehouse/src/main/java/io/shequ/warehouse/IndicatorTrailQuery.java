package io.shequ.warehouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Derives the trail of one indicator value from {@code mart_indicator_lineage} by query: the
 * value's fact rows go once into a temporary table, then come its totals by source and by child
 * division, and its rows page by page. Only the traced division's facts are read, so a city-wide
 * value of 1.7 M events is summed in about a second.
 */
final class IndicatorTrailQuery {

    private static final String TRAIL = ClasspathText.read("queries/indicator_trail.sql");
    private static final String GROUPS = ClasspathText.read("queries/indicator_trail_groups.sql");
    private static final String ROWS = ClasspathText.read("queries/indicator_trail_rows.sql");
    private static final String SCOPE = "SELECT code_prefix FROM int_division_scope WHERE division_code = ?";

    private final Connection connection;
    /** The significant digits of a child of the gathered value's division. */
    private int childDigits = 12;

    /** Traces on {@code connection}, which may create temporary tables. */
    IndicatorTrailQuery(Connection connection) {
        this.connection = connection;
    }

    /**
     * Gathers the fact rows of one value; {@link #summary} and {@link #rows} then read them.
     *
     * @return false if the division is not in the warehouse's scope (then nothing was gathered)
     */
    boolean gather(String indicator, String divisionCode, int year, String breakdown) throws SQLException {
        String prefix = prefixOf(divisionCode);
        if (prefix == null) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(TRAIL)) {
            statement.setString(1, indicator);
            statement.setString(2, divisionCode);
            statement.setInt(3, year);
            statement.setString(4, breakdown);
            statement.setString(5, prefix);
            statement.execute();
        }
        this.childDigits = prefix.length() == 4 ? 6 : prefix.length() == 6 ? 9 : 12;
        return true;
    }

    /** The totals of the gathered rows, by source and by child division. */
    TrailSummary summary() throws SQLException {
        long rows = 0;
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = null;
        List<TrailSummary.Group> bySource = new ArrayList<>();
        List<TrailSummary.Group> byChild = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(GROUPS)) {
            statement.setInt(1, childDigits);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    TrailSummary.Group group = new TrailSummary.Group(result.getString(2), result.getString(3),
                            result.getLong(4), result.getBigDecimal(5), result.getBigDecimal(6));
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

    /** Hands the first {@code limit} gathered rows, in source order, to {@code sink}. */
    void rows(long limit, Consumer<LineageRow> sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ROWS)) {
            statement.setLong(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(new LineageRow(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getBigDecimal(6), rows.getBigDecimal(7)));
                }
            }
        }
    }

    private String prefixOf(String divisionCode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SCOPE)) {
            statement.setString(1, divisionCode);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
