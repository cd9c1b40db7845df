package io.shequ.simulator;

import io.shequ.simulator.GridLayout.Grid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The simulated vendor grid system over time: every grid and every event of a {@link SimulationSpec}
 * with its whole lifecycle, which can be written to a database as the vendor holds it at any
 * instant, or applied to a database written earlier to move it forward, the way the vendor system
 * changes its rows between two extracts.
 *
 * <p>At an instant the database holds the grid rows entered by then, the events reported by then,
 * their flow rows acted by then, each event's status derived from its latest flow, satisfaction
 * only once closed, and {@code updated_at} at the time of the last change (never later than the
 * instant, except for events whose vendor clock ran ahead: the future-timestamp mess). The default
 * instant is 1 January 00:00 of the year after the spec's year. Any JDBC URL works (H2, PostgreSQL);
 * the user must be allowed to create tables.
 */
public final class GridHistory {

    private final int year;
    private final List<Grid> grids;
    private final List<GridEvent> events;

    private GridHistory(int year, List<Grid> grids, List<GridEvent> events) {
        this.year = year;
        this.grids = List.copyOf(grids);
        this.events = List.copyOf(events);
    }

    /** The grid system the spec describes; the same spec gives the same history. */
    public static GridHistory of(SimulationSpec spec) {
        return of(spec, SimulatedDistrict.load(spec.district()));
    }

    static GridHistory of(SimulationSpec spec, SimulatedDistrict district) {
        GridPlanner planner = new GridPlanner(spec, district).plan();
        return new GridHistory(spec.year(), planner.grids(), planner.events());
    }

    /**
     * One vendor system for several districts (a city's): their grids side by side and their events
     * numbered again in reporting order, so that event ids stay unique.
     */
    static GridHistory combined(int year, List<GridHistory> districts) {
        List<Grid> grids = districts.stream().flatMap(d -> d.grids.stream()).toList();
        List<GridEvent> sorted = districts.stream()
                .flatMap(d -> d.events.stream())
                .sorted(Comparator.comparing(GridEvent::reportedAt))
                .toList();
        List<GridEvent> events = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            events.add(sorted.get(i).withId(String.format("E%d%06d", year, i + 1)));
        }
        return new GridHistory(year, grids, events);
    }

    /** 1 January 00:00 of the next year: the instant the simulator writes by default. */
    public LocalDateTime defaultAsOf() {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay();
    }

    /** Events reported in the year, whatever the instant. */
    public int eventCount() {
        return events.size();
    }

    /** Replaces the vendor tables (grid, event, event_flow) at the URL with their state at {@code asOf}. */
    public void writeAsOf(String jdbcUrl, String user, String password, LocalDateTime asOf) {
        try {
            GridDatabaseWriter.write(jdbcUrl, user, password, snapshot(asOf));
        } catch (SQLException e) {
            throw new IllegalStateException("writing the simulated grid database as of " + asOf + " to " + jdbcUrl, e);
        }
    }

    /**
     * Moves a database written by {@link #writeAsOf} (or advanced before) forward to {@code asOf}:
     * new grid, event and flow rows are inserted, events that changed are updated with their new
     * {@code updated_at}, in batches and one transaction. Afterwards it holds exactly what
     * {@code writeAsOf(..., asOf)} writes. A database already later than {@code asOf} is refused.
     */
    public void advanceTo(String jdbcUrl, String user, String password, LocalDateTime asOf) {
        try {
            GridDatabaseWriter.advance(jdbcUrl, user, password, snapshot(asOf));
        } catch (SQLException e) {
            throw new IllegalStateException("advancing the simulated grid database to " + asOf + " at " + jdbcUrl, e);
        }
    }

    /**
     * Writes what the database means at {@code asOf} into {@code out/ground-truth/}: {@code grid-events.csv}
     * and {@code grid-flow-rejects.csv}, as the simulator does for the default as-of (see its README).
     */
    public void writeGroundTruth(Path out, LocalDateTime asOf) {
        GridTruth truth = new GridTruth(snapshot(asOf));
        try {
            GroundTruthWriter.writeGridEvents(out, year, truth.events(), truth.flowRejects());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the grid ground truth into " + out, e);
        }
    }

    GridSnapshot snapshot(LocalDateTime asOf) {
        return GridSnapshot.of(grids, events, asOf);
    }

    List<Grid> grids() {
        return grids;
    }

    List<GridEvent> events() {
        return events;
    }
}
