package io.shequ.simulator;

import io.shequ.schemas.division.Division;
import io.shequ.simulator.GridLayout.Grid;
import io.shequ.simulator.PersonFaker.Person;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Lays out every community's grids and the year's events on them, each with its whole lifecycle,
 * numbered in reporting order, with the grid mess of the spec written in.
 */
final class GridPlanner {

    private final SimulationSpec spec;
    private final SimulatedDistrict district;
    private final List<Grid> grids = new ArrayList<>();
    private final List<GridEvent> events = new ArrayList<>();

    GridPlanner(SimulationSpec spec, SimulatedDistrict district) {
        this.spec = spec;
        this.district = district;
    }

    GridPlanner plan() {
        Random layoutRandom = spec.random("grids");
        Random eventRandom = spec.random("events");
        Random orphanRandom = spec.random("grid-mess-orphans");
        Random deepRandom = spec.random("grid-mess-deep");
        PersonFaker people = new PersonFaker(district.district().code().shortForm(), spec.random("people"));
        EventFaker faker = new EventFaker(spec.year(), district.fullName(), people, eventRandom);
        EventMess eventMess = new EventMess(spec.mess(), spec.random("grid-mess-events"));
        LateUnitGrids lateGrids = new LateUnitGrids(spec.random("grid-mess-late-grids"));
        List<GridEvent> unnumbered = new ArrayList<>();
        for (Division community : district.communities()) {
            GridLayout layout = GridLayout.of(
                    community, spec.year(), layoutRandom, spec.mess().hits(MessKind.DEEP_GRIDS, deepRandom));
            grids.addAll(layout.grids());
            List<Person> workers = new ArrayList<>();
            for (int w = 2 + layoutRandom.nextInt(3); w > 0; w--) {
                workers.add(people.next());
            }
            for (int i = 0; i < spec.eventsPerCommunity(); i++) {
                GridEvent event = faker.event(layout, workers);
                if (spec.mess().hits(MessKind.ORPHAN_GRID, orphanRandom)) {
                    Grid late = lateGrids.unitFor(layout, event.gridCode(), event.reportedAt());
                    event = event.withGrid(late.code(), MessKind.ORPHAN_GRID);
                }
                unnumbered.add(eventMess.spoil(event));
            }
        }
        grids.addAll(lateGrids.grids());
        unnumbered.sort(Comparator.comparing(GridEvent::reportedAt)); // stable: ties keep community order
        for (int i = 0; i < unnumbered.size(); i++) {
            events.add(unnumbered.get(i).withId(String.format("E%d%06d", spec.year(), i + 1)));
        }
        return this;
    }

    List<Grid> grids() {
        return grids;
    }

    List<GridEvent> events() {
        return events;
    }
}
