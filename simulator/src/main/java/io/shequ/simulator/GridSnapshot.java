package io.shequ.simulator;

import io.shequ.simulator.GridLayout.Grid;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The vendor's grid-system database at one instant: the grid rows entered by then and the events
 * reported by then, each with the flow rows acted by then.
 */
record GridSnapshot(LocalDateTime asOf, List<Grid> grids, List<EventState> events) {

    static GridSnapshot of(List<Grid> allGrids, List<GridEvent> allEvents, LocalDateTime asOf) {
        List<Grid> grids =
                allGrids.stream().filter(g -> !g.writtenAt().isAfter(asOf)).toList();
        List<EventState> events = allEvents.stream()
                .map(e -> e.at(asOf))
                .flatMap(Optional::stream)
                .toList();
        return new GridSnapshot(asOf, grids, events);
    }

    Set<String> gridCodes() {
        return grids.stream().map(Grid::code).collect(Collectors.toSet());
    }
}
