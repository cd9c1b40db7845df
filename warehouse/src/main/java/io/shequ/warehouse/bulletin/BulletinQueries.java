package io.shequ.warehouse.bulletin;

import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.WarehouseException;
import io.shequ.warehouse.WarehouseReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Selects one bulletin's figures from the published warehouse, through a {@link WarehouseReader}:
 * {@code mart_indicators}, the marts beside it and the {@code dq_} tables, with the SQL of
 * {@code queries/bulletin/}.
 */
public final class BulletinQueries {

    /** The published tables the bulletin reads. */
    private static final List<String> TABLES = List.of(
            "mart_indicators",
            "dim_indicator",
            "dim_division",
            "mart_grid_events_monthly",
            "mart_report_completeness",
            "dq_quarantined",
            "dq_name_resolution",
            "dq_partitions",
            "dq_source_findings");

    private final WarehouseReader reader;

    public BulletinQueries(WarehouseReader reader) {
        this.reader = reader;
    }

    /**
     * The figures of {@code divisionCode} (a city or district) in {@code year}.
     *
     * @throws IllegalArgumentException if {@code mart_indicators} has nothing for that division and
     *     year, or the snapshot lacks a table the bulletin reads (published by an earlier release)
     */
    public BulletinFigures figures(String divisionCode, int year) {
        requireTables();
        List<IndicatorValue> values = reader.indicatorsOf(divisionCode);
        IndicatorValue any = values.stream()
                .filter(v -> v.year() == year)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the published warehouse has no indicators for " + divisionCode + " in " + year));
        String childLevel = "city".equals(any.divisionLevel()) ? "district" : "street";
        String prefix = BulletinFigures.prefix(divisionCode);
        List<IndicatorValue> children = reader.indicators(childLevel, year).stream()
                .filter(v -> v.divisionCode().startsWith(prefix))
                .toList();
        try (Connection session = reader.session()) {
            return new BulletinFigures(
                    divisionCode,
                    any.divisionName(),
                    any.divisionLevel(),
                    year,
                    values,
                    children,
                    definitions(session),
                    months(session, year, divisionCode),
                    completeness(session, year, prefix),
                    categoryNames(session),
                    inputs(session, year, prefix));
        } catch (SQLException e) {
            throw new WarehouseException("reading the bulletin of " + divisionCode + " " + year, e);
        }
    }

    /** Fails, naming them, when the published snapshot lacks tables the bulletin reads. */
    private void requireTables() {
        Set<String> present = new TreeSet<>();
        try (Connection session = reader.session();
                PreparedStatement statement = session.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                present.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new WarehouseException("listing the tables of " + reader.snapshot(), e);
        }
        List<String> missing = TABLES.stream().filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the published snapshot "
                    + reader.snapshot().getFileName()
                    + " has no table " + String.join(", ", missing) + ": it was published by an earlier release of"
                    + " Shequ; the next run that publishes (./shequ run, or a scheduled run) rebuilds it with them");
        }
    }

    private static InputQualityFigures inputs(Connection session, int year, String prefix) throws SQLException {
        List<InputQualityFigures.Quarantined> quarantined = new ArrayList<>();
        try (PreparedStatement statement = session.prepareStatement(sql("quarantined"))) {
            statement.setString(1, prefix);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    quarantined.add(new InputQualityFigures.Quarantined(
                            r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5)));
                }
            }
        }
        List<InputQualityFigures.Resolution> resolution = new ArrayList<>();
        try (PreparedStatement statement = session.prepareStatement(sql("name_resolution"));
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                resolution.add(new InputQualityFigures.Resolution(
                        r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
            }
        }
        List<InputQualityFigures.LatePartition> partitions = new ArrayList<>();
        try (PreparedStatement statement = session.prepareStatement(sql("late_partitions"))) {
            statement.setInt(1, year);
            statement.setInt(2, year);
            statement.setString(3, prefix);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    partitions.add(new InputQualityFigures.LatePartition(
                            r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
        }
        List<InputQualityFigures.Finding> findings = new ArrayList<>();
        try (PreparedStatement statement = session.prepareStatement(sql("source_findings"))) {
            statement.setString(1, prefix);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    findings.add(new InputQualityFigures.Finding(
                            r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
                }
            }
        }
        return new InputQualityFigures(quarantined, resolution, partitions, findings);
    }

    /** The years {@code mart_indicators} holds for {@code divisionCode}, in order. */
    public List<Integer> years(String divisionCode) {
        return reader.indicatorsOf(divisionCode).stream()
                .map(IndicatorValue::year)
                .distinct()
                .sorted()
                .toList();
    }

    private static List<BulletinFigures.Definition> definitions(Connection session) throws SQLException {
        List<BulletinFigures.Definition> out = new ArrayList<>();
        try (PreparedStatement statement = session.prepareStatement(sql("definitions"));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(new BulletinFigures.Definition(
                        rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return out;
    }

    private static List<BulletinFigures.MonthlyEvents> months(Connection session, int year, String division)
            throws SQLException {
        List<BulletinFigures.MonthlyEvents> out = new ArrayList<>();
        try (PreparedStatement statement = session.prepareStatement(sql("events_monthly"))) {
            statement.setInt(1, year);
            statement.setString(2, division);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(new BulletinFigures.MonthlyEvents(rows.getInt(1), rows.getLong(2)));
                }
            }
        }
        return out;
    }

    private static List<BulletinFigures.ReportCompleteness> completeness(Connection session, int year, String prefix)
            throws SQLException {
        List<BulletinFigures.ReportCompleteness> out = new ArrayList<>();
        try (PreparedStatement statement = session.prepareStatement(sql("completeness"))) {
            statement.setInt(1, year);
            statement.setString(2, prefix);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(new BulletinFigures.ReportCompleteness(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getInt(3),
                            rows.getLong(4),
                            rows.getLong(5),
                            rows.getLong(6),
                            rows.getLong(7),
                            rows.getString(8),
                            rows.getBoolean(9)));
                }
            }
        }
        return out;
    }

    private static Map<String, String> categoryNames(Connection session) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement statement = session.prepareStatement(sql("category_names"));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.put(rows.getString(1) + "/" + rows.getString(2), rows.getString(3) + " " + rows.getString(4));
            }
        }
        return out;
    }

    private static String sql(String name) {
        String path = "queries/bulletin/" + name + ".sql";
        try (InputStream in = BulletinQueries.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
