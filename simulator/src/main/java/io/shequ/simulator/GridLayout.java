package io.shequ.simulator;

import io.shequ.schemas.division.Division;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The grids of one community: a level-1 grid for the community, two or three level-2 blocks under
 * it and one to three level-3 units under each block, all set up before the simulated year. Each
 * grid names its community, unless the units leave it to their parent chain ({@link MessKind#DEEP_GRIDS}).
 */
record GridLayout(Division community, List<Grid> grids) {

    /**
     * One row of the vendor's grid table. {@code writtenAt} is when the row entered the table (and its
     * {@code updated_at}): the set-up time for planned grids, later for grids entered after the fact.
     */
    record Grid(
            String code,
            String name,
            int level,
            String parentCode,
            String communityCode,
            LocalDateTime createdAt,
            LocalDateTime writtenAt) {

        Grid(String code, String name, int level, String parentCode, String communityCode, LocalDateTime createdAt) {
            this(code, name, level, parentCode, communityCode, createdAt, createdAt);
        }
    }

    static GridLayout of(Division community, int year, Random random) {
        return of(community, year, random, false);
    }

    /** @param deep true for {@link MessKind#DEEP_GRIDS}: the unit grids leave community_code empty */
    static GridLayout of(Division community, int year, Random random, boolean deep) {
        String communityCode = community.code().value();
        String shortName = NameVariants.shortName(community);
        LocalDateTime yearStart = LocalDate.of(year, 1, 1).atStartOfDay();
        LocalDateTime rootCreated = yearStart
                .minusYears(2)
                .minusDays(random.nextInt(6 * 365))
                .withHour(8 + random.nextInt(10))
                .withMinute(random.nextInt(60));
        List<Grid> grids = new ArrayList<>();
        Grid root = new Grid("G" + communityCode, shortName + "网格", 1, null, communityCode, rootCreated);
        grids.add(root);
        int blocks = 2 + random.nextInt(2);
        for (int b = 1; b <= blocks; b++) {
            Grid block = new Grid(
                    String.format("%s-%02d", root.code(), b),
                    shortName + "第" + b + "网格",
                    2,
                    root.code(),
                    communityCode,
                    later(rootCreated, yearStart, random));
            grids.add(block);
            int units = 1 + random.nextInt(3);
            for (int u = 1; u <= units; u++) {
                grids.add(new Grid(
                        String.format("%s-%02d", block.code(), u),
                        block.name() + u + "单元",
                        3,
                        block.code(),
                        deep ? "" : communityCode,
                        later(block.createdAt(), yearStart, random)));
            }
        }
        return new GridLayout(community, List.copyOf(grids));
    }

    /** The block and unit grids, where events are reported. */
    List<Grid> eventGrids() {
        return grids.stream().filter(g -> g.level() > 1).toList();
    }

    private static LocalDateTime later(LocalDateTime after, LocalDateTime yearStart, Random random) {
        LocalDateTime candidate = after.plusDays(random.nextInt(180)).plusMinutes(random.nextInt(600));
        return candidate.isBefore(yearStart) ? candidate : after;
    }
}
