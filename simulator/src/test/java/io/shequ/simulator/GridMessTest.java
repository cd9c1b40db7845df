package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.code.MobileNumber;
import io.shequ.schemas.code.ResidentIdNumber;
import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of grid mess appears at about its rate, in the database exactly where the ground truth
 * says. The database is checked with the code validators and plain SQL, independently of the simulator.
 */
class GridMessTest {

    private static final Mess GRID_MESS = Mess.none()
            .with(MessKind.ORPHAN_GRID, 0.05)
            .with(MessKind.FLOW_OUT_OF_ORDER, 0.08)
            .with(MessKind.FLOW_DUPLICATED, 0.06)
            .with(MessKind.INVALID_ID_NUMBER, 0.05)
            .with(MessKind.MALFORMED_PHONE, 0.05)
            .with(MessKind.FUTURE_TIMESTAMP, 0.03);
    private static final SimulationSpec SPEC =
            new SimulationSpec(DivisionCode.parse("370103"), 2023, 5L, 1, 20, 2, GRID_MESS);
    private static final Timestamp AS_OF = Timestamp.valueOf(LocalDateTime.of(2024, 1, 1, 0, 0));

    @TempDir
    static Path out;

    private static SimulationResult result;
    private static Map<String, Map<String, String>> truth;
    private static List<List<Object>> events;
    private static Map<Object, List<List<Object>>> flowsByEvent;

    @BeforeAll
    static void simulate() throws Exception {
        result = SourceSimulator.generate(SPEC, out);
        truth = new HashMap<>();
        for (Map<String, String> row :
                SampleFiles.groundTruth(result.groundTruthFolder().resolve("grid-events.csv"))) {
            truth.put(row.get("event_id"), row);
        }
        events = SampleFiles.table(
                result,
                "SELECT event_id, grid_code, reporter_id_no, reporter_phone, reported_at,"
                        + " updated_at, status FROM event ORDER BY event_id");
        flowsByEvent = new HashMap<>();
        for (List<Object> flow : SampleFiles.table(
                result, "SELECT event_id, seq, action, acted_at FROM event_flow ORDER BY event_id, seq")) {
            flowsByEvent.computeIfAbsent(flow.get(0), k -> new ArrayList<>()).add(flow);
        }
    }

    @Test
    void groundTruthHasEveryEventWithItsStatusAndCommunity() {
        assertThat(truth.keySet())
                .as("one truth row per event")
                .isEqualTo(events.stream().map(e -> (String) e.get(0)).collect(Collectors.toSet()));
        assertThat(events).hasSize(result.events());
        for (List<Object> event : events) {
            Map<String, String> row = truth.get((String) event.get(0));
            assertThat(row.get("status")).as("status of %s", event.get(0)).isEqualTo(event.get(6));
            assertThat((String) event.get(1))
                    .as("grid code of %s carries its community", event.get(0))
                    .startsWith("G" + row.get("community_code"));
            assertThat(row.get("community_code")).matches("\\d{12}");
        }
    }

    @Test
    void invalidIdNumbersHaveAWrongCheckCharacterWhereTheTruthSays() {
        Set<Object> invalid = events.stream()
                .filter(e -> !ResidentIdNumber.isValid((String) e.get(2)))
                .map(e -> e.get(0))
                .collect(Collectors.toSet());
        for (List<Object> e : events) {
            String id = (String) e.get(2);
            if (invalid.contains(e.get(0))) {
                assertThat(ResidentIdNumber.checkCharacter(id.substring(0, 17)))
                        .as("only the check character is wrong")
                        .isNotEqualTo(id.charAt(17));
            }
        }
        assertThat(invalid).isEqualTo(noted("invalid_id_number"));
        assertAboutRate(invalid.size(), 0.05, "invalid ID numbers");
    }

    @Test
    void malformedPhonesAreWhereTheTruthSays() {
        Set<Object> malformed = events.stream()
                .filter(e -> !MobileNumber.isValid((String) e.get(3)))
                .map(e -> e.get(0))
                .collect(Collectors.toSet());
        events.stream()
                .filter(e -> malformed.contains(e.get(0)))
                .forEach(e -> assertThat((String) e.get(3))
                        .as("10 or 12 digits, a letter or dashes")
                        .matches("\\d{10}|\\d{12}|.*[A-Za-z].*|.*-.*"));

        assertThat(malformed).isEqualTo(noted("malformed_phone"));
        assertAboutRate(malformed.size(), 0.05, "malformed phones");
    }

    @Test
    void orphanGridsAreMissingWhereTheTruthSaysAndArriveLater() throws Exception {
        Set<Object> grids = SampleFiles.table(result, "SELECT grid_code FROM grid").stream()
                .map(g -> g.get(0))
                .collect(Collectors.toSet());
        Set<Object> orphans = events.stream()
                .filter(e -> !grids.contains(e.get(1)))
                .map(e -> e.get(0))
                .collect(Collectors.toSet());
        long onLateGrids = events.stream()
                .filter(e ->
                        Integer.parseInt(((String) e.get(1)).substring(((String) e.get(1)).lastIndexOf('-') + 1)) >= 51)
                .count();

        assertThat(orphans)
                .as("events whose grid row is missing at the default as-of")
                .isEqualTo(noted("orphan_grid"));
        assertAboutRate(onLateGrids, 0.05, "events on grids entered late");
        assertThat(orphans.size())
                .as("a share of the late grids is still missing, the rest arrived")
                .isPositive()
                .isLessThan((int) onLateGrids);

        GridHistory.of(SPEC)
                .advanceTo(
                        result.gridJdbcUrl(),
                        result.gridUser(),
                        result.gridPassword(),
                        LocalDateTime.of(2025, 1, 1, 0, 0));
        assertThat(SampleFiles.table(
                        result,
                        "SELECT e.event_id FROM event e LEFT JOIN grid g"
                                + " ON g.grid_code = e.grid_code WHERE g.grid_code IS NULL"))
                .as("every grid row arrives in the end")
                .isEmpty();
    }

    @Test
    void flowsOutOfOrderAreWhereTheTruthSays() {
        Set<Object> outOfOrder = new HashSet<>();
        flowsByEvent.forEach((id, flows) -> {
            for (int i = 1; i < flows.size(); i++) {
                if (((Timestamp) flows.get(i).get(3))
                        .before((Timestamp) flows.get(i - 1).get(3))) {
                    outOfOrder.add(id);
                }
            }
        });
        assertThat(outOfOrder).isEqualTo(noted("flow_out_of_order"));
        assertAboutRate(outOfOrder.size(), 0.08 * 0.9, "events with flows out of order (registered ones can be)");
    }

    @Test
    void duplicatedFlowRowsAreListedInTheFlowRejects() throws Exception {
        Set<String> duplicates = new HashSet<>();
        flowsByEvent.forEach((id, flows) -> {
            for (int i = 0; i < flows.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (flows.get(j).get(2).equals(flows.get(i).get(2))
                            && flows.get(j).get(3).equals(flows.get(i).get(3))) {
                        duplicates.add(id + "/" + flows.get(i).get(1));
                        break;
                    }
                }
            }
        });
        List<Map<String, String>> rejects =
                SampleFiles.groundTruth(result.groundTruthFolder().resolve("grid-flow-rejects.csv"));

        assertThat(rejects.stream()
                        .map(r -> r.get("event_id") + "/" + r.get("seq"))
                        .collect(Collectors.toSet()))
                .as("each repeated step under a higher seq is listed")
                .isEqualTo(duplicates);
        assertThat(rejects).allMatch(r -> r.get("rule").equals("duplicate_row"));
        assertThat(duplicates.stream().map(d -> d.substring(0, d.indexOf('/'))).collect(Collectors.toSet()))
                .isEqualTo(noted("flow_duplicated"));
        assertAboutRate(duplicates.size(), 0.06, "duplicated flow rows");
    }

    @Test
    void futureTimestampsAreQuarantinedInTheTruth() {
        Set<Object> future = events.stream()
                .filter(e -> ((Timestamp) e.get(4)).after(AS_OF))
                .map(e -> e.get(0))
                .collect(Collectors.toSet());
        Set<Object> quarantined = truth.values().stream()
                .filter(r -> r.get("outcome").equals("quarantined"))
                .map(r -> (Object) r.get("event_id"))
                .collect(Collectors.toSet());

        assertThat(future).as("reported_at after the as-of instant").isEqualTo(quarantined);
        assertThat(truth.values())
                .allMatch(r -> r.get("outcome").equals("quarantined")
                        ? r.get("rule").equals("future_timestamp")
                        : r.get("outcome").equals("staged") && r.get("rule").isEmpty());
        for (List<Object> e : events) {
            assertThat(((Timestamp) e.get(5)).after(AS_OF))
                    .as("updated_at of %s is future exactly when reported_at is", e.get(0))
                    .isEqualTo(future.contains(e.get(0)));
        }
        assertAboutRate(future.size(), 0.03, "future timestamps");
    }

    private static Set<Object> noted(String note) {
        return truth.values().stream()
                .filter(r -> List.of(r.get("notes").split(";")).contains(note))
                .map(r -> (Object) r.get("event_id"))
                .collect(Collectors.toSet());
    }

    private static void assertAboutRate(long count, double rate, String what) {
        double expected = rate * result.events();
        assertThat((double) count)
                .as("%s: %d of %d events, expected about %.0f", what, count, result.events(), expected)
                .isBetween(0.7 * expected, 1.3 * expected);
    }
}
