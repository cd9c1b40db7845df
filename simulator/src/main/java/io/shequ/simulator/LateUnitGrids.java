package io.shequ.simulator;

import io.shequ.simulator.GridLayout.Grid;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Unit grids set up during the year whose rows the vendor enters only later: workers report events
 * on them at once, so the event table names a grid the grid table does not have yet (orphan grids).
 * Some rows arrive after the year end, so a database read on 1 January still lacks them.
 */
final class LateUnitGrids {

    private static final int FIRST_NUMBER = 51;

    private final Random random;
    private final Map<String, Integer> perBlock = new HashMap<>();
    private final List<Grid> grids = new ArrayList<>();

    LateUnitGrids(Random random) {
        this.random = random;
    }

    /** A new unit grid under the block of {@code reportedOn}, set up before reportedAt, its row entered after. */
    Grid unitFor(GridLayout layout, String reportedOn, LocalDateTime reportedAt) {
        Grid grid = layout.grids().stream()
                .filter(g -> g.code().equals(reportedOn))
                .findFirst()
                .orElseThrow();
        Grid block = grid.level() == 2
                ? grid
                : layout.grids().stream()
                        .filter(g -> g.code().equals(grid.parentCode()))
                        .findFirst()
                        .orElseThrow();
        int number = perBlock.merge(block.code(), 1, Integer::sum) + FIRST_NUMBER - 1;
        LocalDateTime yearStart = reportedAt.withDayOfYear(1).toLocalDate().atStartOfDay();
        LocalDateTime setUp = reportedAt.minusDays(random.nextInt(30)).minusMinutes(1 + random.nextInt(600));
        LocalDateTime created = setUp.isBefore(yearStart) ? yearStart : setUp;
        LocalDateTime written = reportedAt.plusDays(1 + random.nextInt(240)).plusMinutes(random.nextInt(600));
        Grid unit = new Grid(
                String.format("%s-%02d", block.code(), number),
                block.name() + "新建" + number + "单元",
                3,
                block.code(),
                block.communityCode(),
                created,
                written);
        grids.add(unit);
        return unit;
    }

    List<Grid> grids() {
        return List.copyOf(grids);
    }
}
