package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridHistoryTest {

    private static final SimulationSpec MESSY =
            new SimulationSpec(DivisionCode.parse("370103"), 2023, 11L, 1, 6, 0, Mess.level(Mess.Level.HEAVY));
    private static final SimulationSpec TIDY = MESSY.withMess(Mess.none());
    private static final String USER = "sa";
    private static final String PASSWORD = "";

    private static GridHistory messy;
    private static GridHistory tidy;

    @BeforeAll
    static void plan() {
        messy = GridHistory.of(MESSY);
        tidy = GridHistory.of(TIDY);
    }

    private static String url(String name) {
        return "jdbc:h2:mem:grid-history-" + name + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void advancedDatabaseEqualsOneWrittenDirectlyAtTheLaterInstant() throws Exception {
        LocalDateTime t1 = LocalDateTime.of(2023, 6, 15, 12, 0);
        LocalDateTime t2 = messy.defaultAsOf();
        LocalDateTime t3 = LocalDateTime.of(2024, 2, 20, 8, 30);
        messy.writeAsOf(url("advanced"), USER, PASSWORD, t1);
        Map<String, List<List<Object>>> atT1 = GridTables.all(url("advanced"), USER, PASSWORD);
        messy.advanceTo(url("advanced"), USER, PASSWORD, t2);
        Map<String, List<List<Object>>> atT2 = GridTables.all(url("advanced"), USER, PASSWORD);
        messy.advanceTo(url("advanced"), USER, PASSWORD, t3);
        messy.writeAsOf(url("direct-t2"), USER, PASSWORD, t2);
        messy.writeAsOf(url("direct-t3"), USER, PASSWORD, t3);

        assertThat(atT2)
                .as("advanced to the default as-of = written at it")
                .isEqualTo(GridTables.all(url("direct-t2"), USER, PASSWORD));
        Map<String, List<List<Object>>> advanced = GridTables.all(url("advanced"), USER, PASSWORD);
        Map<String, List<List<Object>>> direct = GridTables.all(url("direct-t3"), USER, PASSWORD);
        for (String table : List.of("grid", "event", "event_flow")) {
            assertThat(advanced.get(table))
                    .as("%s row by row after two advances", table)
                    .isEqualTo(direct.get(table));
        }
        assertThat(atT1.get("event").size())
                .as("half a year of events at t1")
                .isLessThan(atT2.get("event").size());
        assertThat(atT1.get("grid").size())
                .as("late grid rows arrive while advancing")
                .isLessThan(direct.get("grid").size());
        assertThat(changedRows(atT2.get("event"), direct.get("event")))
                .as("events open at the year end move on in the next year")
                .isPositive();
    }

    @Test
    void stateAsOfHoldsExactlyWhatWasReportedAndActedByThen() throws Exception {
        LocalDateTime t = LocalDateTime.of(2023, 9, 1, 0, 0);
        tidy.writeAsOf(url("tidy-t"), USER, PASSWORD, t);
        tidy.writeAsOf(url("tidy-end"), USER, PASSWORD, LocalDateTime.of(2030, 1, 1, 0, 0));
        List<List<Object>> events = GridTables.rows(
                url("tidy-t"),
                USER,
                PASSWORD,
                "SELECT event_id, status, satisfaction, deadline_at, updated_at, reported_at FROM event ORDER BY event_id");
        List<List<Object>> flows = GridTables.rows(
                url("tidy-t"),
                USER,
                PASSWORD,
                "SELECT event_id, seq, action, acted_at FROM event_flow ORDER BY event_id, seq");
        List<List<Object>> allFlows = GridTables.rows(
                url("tidy-end"),
                USER,
                PASSWORD,
                "SELECT event_id, seq, action, acted_at FROM event_flow ORDER BY event_id, seq");
        List<List<Object>> allEvents = GridTables.rows(
                url("tidy-end"), USER, PASSWORD, "SELECT event_id, status, reported_at FROM event ORDER BY event_id");

        Timestamp cut = Timestamp.valueOf(t);
        assertThat(flows)
                .as("the flow rows acted by t, and only those")
                .isEqualTo(allFlows.stream()
                        .filter(f -> !((Timestamp) f.get(3)).after(cut))
                        .toList());
        assertThat(events.stream().map(e -> e.get(0)).toList())
                .as("the events reported by t")
                .isEqualTo(allEvents.stream()
                        .filter(e -> !((Timestamp) e.get(2)).after(cut))
                        .map(e -> e.get(0))
                        .toList());
        Map<Object, List<Object>> latest = new HashMap<>();
        Map<Object, Set<Object>> actions = new HashMap<>();
        for (List<Object> flow : flows) {
            latest.merge(flow.get(0), flow, (a, b) -> ((Timestamp) b.get(3)).before((Timestamp) a.get(3)) ? a : b);
            actions.computeIfAbsent(flow.get(0), k -> new HashSet<>()).add(flow.get(2));
        }
        Map<String, String> statusOf = Map.of("作废", "已作废", "上报", "待立案", "结案", "已结案");
        for (List<Object> event : events) {
            List<Object> last = latest.get(event.get(0));
            assertThat(event.get(1))
                    .as("status of %s from its latest flow", event.get(0))
                    .isEqualTo(statusOf.getOrDefault((String) last.get(2), "处置中"));
            assertThat(event.get(4))
                    .as("updated_at of %s = its latest change", event.get(0))
                    .isEqualTo(last.get(3));
            assertThat((Timestamp) event.get(4))
                    .as("never after the as-of instant")
                    .isBeforeOrEqualTo(cut);
            if (!"已结案".equals(event.get(1))) {
                assertThat(event.get(2))
                        .as("%s is rated only once closed", event.get(0))
                        .isNull();
            }
            assertThat(event.get(3) != null)
                    .as("%s has a deadline once registered", event.get(0))
                    .isEqualTo(actions.get(event.get(0)).contains("立案"));
        }
        Map<Object, Object> finalStatus = new HashMap<>();
        allEvents.forEach(e -> finalStatus.put(e.get(0), e.get(1)));
        assertThat(events.stream()
                        .filter(e -> !e.get(1).equals(finalStatus.get(e.get(0))))
                        .count())
                .as("some events are still on their way at t")
                .isPositive();
    }

    @Test
    void theSameSpecWritesTheSameDatabaseAndAnotherSeedAnother() throws Exception {
        GridHistory again = GridHistory.of(MESSY);
        messy.writeAsOf(url("seed-a"), USER, PASSWORD, messy.defaultAsOf());
        again.writeAsOf(url("seed-b"), USER, PASSWORD, again.defaultAsOf());
        GridHistory.of(new SimulationSpec(MESSY.district(), 2023, 12L, 1, 6, 0, MESSY.mess()))
                .writeAsOf(url("seed-c"), USER, PASSWORD, messy.defaultAsOf());

        assertThat(GridTables.all(url("seed-b"), USER, PASSWORD))
                .as("deterministic for a seed")
                .isEqualTo(GridTables.all(url("seed-a"), USER, PASSWORD));
        assertThat(GridTables.all(url("seed-c"), USER, PASSWORD).get("event"))
                .as("the seed matters")
                .isNotEqualTo(GridTables.all(url("seed-a"), USER, PASSWORD).get("event"));
    }

    @Test
    void aDatabaseIsNeverMovedBack() throws Exception {
        messy.writeAsOf(url("back"), USER, PASSWORD, messy.defaultAsOf());
        Map<String, List<List<Object>>> before = GridTables.all(url("back"), USER, PASSWORD);

        assertThatThrownBy(() -> messy.advanceTo(url("back"), USER, PASSWORD, LocalDateTime.of(2023, 3, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only be moved forward");
        assertThat(GridTables.all(url("back"), USER, PASSWORD))
                .as("left as it was")
                .isEqualTo(before);
    }

    @Test
    void groundTruthAtAnyInstantMatchesTheDatabaseWrittenThen(@TempDir Path out) throws Exception {
        LocalDateTime t = LocalDateTime.of(2024, 3, 1, 0, 0);
        messy.writeAsOf(url("truth-t"), USER, PASSWORD, t);
        messy.writeGroundTruth(out, t);
        Map<String, String> statusInTruth = new HashMap<>();
        Set<String> quarantined = new HashSet<>();
        for (Map<String, String> row : SampleFiles.groundTruth(out.resolve("ground-truth/grid-events.csv"))) {
            statusInTruth.put(row.get("event_id"), row.get("status"));
            if (row.get("outcome").equals("quarantined")) {
                quarantined.add(row.get("event_id"));
            }
        }
        Map<String, String> statusInDb = new HashMap<>();
        Set<String> future = new HashSet<>();
        for (List<Object> e :
                GridTables.rows(url("truth-t"), USER, PASSWORD, "SELECT event_id, status, reported_at FROM event")) {
            statusInDb.put((String) e.get(0), (String) e.get(1));
            if (((Timestamp) e.get(2)).toLocalDateTime().isAfter(t)) {
                future.add((String) e.get(0));
            }
        }

        assertThat(statusInTruth).as("every event and its status at t").isEqualTo(statusInDb);
        assertThat(quarantined)
                .as("future timestamps stay future after the year end")
                .isEqualTo(future)
                .isNotEmpty();
    }

    private static long changedRows(List<List<Object>> before, List<List<Object>> after) {
        Set<List<Object>> old = new HashSet<>(before);
        Set<Object> oldIds = new HashSet<>();
        before.forEach(r -> oldIds.add(r.get(0)));
        return after.stream()
                .filter(r -> oldIds.contains(r.get(0)) && !old.contains(r))
                .count();
    }
}
