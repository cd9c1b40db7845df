package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.code.MobileNumber;
import io.shequ.schemas.code.ResidentIdNumber;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridDatabaseWriterTest {

    @TempDir
    static Path out;

    private static SimulationResult result;
    private static int communities;

    @BeforeAll
    static void simulate() {
        result = SourceSimulator.generate(SampleFiles.SMALL, out);
        communities = SimulatedDistrict.load(SampleFiles.SMALL.district())
                .communities()
                .size();
    }

    @Test
    void connectsWithTheReturnedCredentials() {
        assertThat(result.gridUser()).isEqualTo("grid_reader");
        assertThat(result.gridJdbcUrl())
                .as("a file database under the output folder")
                .isEqualTo("jdbc:h2:file:" + out.toAbsolutePath() + "/grid-system/grid;TRACE_LEVEL_FILE=4");
        assertThat(out.resolve("grid-system/grid.mv.db")).exists();
    }

    @Test
    void everyReporterCarriesValidPersonalData() throws Exception {
        List<List<Object>> rows =
                SampleFiles.table(result, "SELECT reporter_id_no, reporter_phone, reporter_name FROM event");

        assertThat(rows).as("eventsPerCommunity per village-level unit").hasSize(3 * communities);
        for (List<Object> row : rows) {
            String id = (String) row.get(0);
            assertThat(ResidentIdNumber.isValid(id))
                    .as("ID number %s is valid", id)
                    .isTrue();
            assertThat(id).as("issued in the district").startsWith("370103");
            assertThat(MobileNumber.isValid((String) row.get(1)))
                    .as("mobile %s", row.get(1))
                    .isTrue();
            assertThat((String) row.get(2)).as("a Chinese name").matches("\\p{IsHan}{2,3}");
        }
    }

    @Test
    void gridsFormThreeLevelsPerCommunity() throws Exception {
        List<List<Object>> grids = SampleFiles.table(
                result, "SELECT grid_code, grid_level, parent_code, community_code, created_at, updated_at FROM grid");
        Map<Object, Integer> perLevel = new HashMap<>();
        for (List<Object> g : grids) {
            perLevel.merge(g.get(1), 1, Integer::sum);
            assertThat((String) g.get(3)).as("community code of %s", g.get(0)).matches("\\d{12}");
            assertThat((String) g.get(0)).as("grid code carries its community").startsWith("G" + g.get(3));
            assertThat(((Timestamp) g.get(4)).toLocalDateTime().getYear())
                    .as("set up before the year")
                    .isLessThan(2023);
            assertThat(g.get(5)).as("updated_at = created_at").isEqualTo(g.get(4));
        }
        assertThat(perLevel.get(1))
                .as("one level-1 grid per village-level unit")
                .isEqualTo(communities);
        assertThat(perLevel.get(2)).as("2-3 blocks each").isBetween(2 * communities, 3 * communities);
        assertThat(perLevel.get(3)).as("1-3 units per block").isBetween(perLevel.get(2), 3 * perLevel.get(2));
    }

    @Test
    void flowsAreOrderedAndEndInTheEventStatus() throws Exception {
        List<List<Object>> flows = SampleFiles.table(
                result, "SELECT event_id, seq, action, acted_at FROM event_flow ORDER BY event_id, seq");
        Map<Object, List<Object>> events = new HashMap<>();
        for (List<Object> e : SampleFiles.table(
                result, "SELECT event_id, status, reported_at, updated_at, satisfaction, deadline_at FROM event")) {
            events.put(e.get(0), e);
        }
        Map<Object, List<Object>> lastFlow = new HashMap<>();
        List<Object> previous = null;
        for (List<Object> flow : flows) {
            boolean sameEvent = previous != null && previous.get(0).equals(flow.get(0));
            int expectedSeq = sameEvent ? (Integer) previous.get(1) + 1 : 1;
            assertThat(flow.get(1)).as("seq of %s runs 1..n", flow.get(0)).isEqualTo(expectedSeq);
            if (sameEvent) {
                assertThat((Timestamp) flow.get(3))
                        .as("acted_at of %s does not go back", flow.get(0))
                        .isAfterOrEqualTo((Timestamp) previous.get(3));
            } else {
                assertThat(flow.get(2)).as("a loop starts with 上报").isEqualTo("上报");
                assertThat(flow.get(3))
                        .as("上报 at reported_at")
                        .isEqualTo(events.get(flow.get(0)).get(2));
            }
            lastFlow.put(flow.get(0), flow);
            previous = flow;
        }
        assertThat(lastFlow.keySet()).as("every event has a flow").isEqualTo(events.keySet());
        Map<Object, String> statusOf = Map.of("作废", "已作废", "上报", "待立案", "结案", "已结案");
        for (List<Object> event : events.values()) {
            List<Object> last = lastFlow.get(event.get(0));
            assertThat(event.get(1))
                    .as("status of %s follows its last action", event.get(0))
                    .isEqualTo(statusOf.getOrDefault(last.get(2), "处置中"));
            assertThat(event.get(3)).as("updated_at is the last flow's time").isEqualTo(last.get(3));
            if (!"已结案".equals(event.get(1))) {
                assertThat(event.get(4)).as("only closed events are rated").isNull();
            }
            assertThat(event.get(5) == null)
                    .as("a deadline exactly for registered events")
                    .isEqualTo(Set.of("已作废", "待立案").contains(event.get(1)));
        }
    }

    @Test
    void eventsSitOnBlockAndUnitGrids() throws Exception {
        List<List<Object>> levels = SampleFiles.table(
                result, "SELECT DISTINCT g.grid_level FROM event e JOIN grid g ON g.grid_code = e.grid_code");
        List<List<Object>> orphans = SampleFiles.table(
                result,
                "SELECT e.event_id FROM event e LEFT JOIN grid g ON g.grid_code = e.grid_code WHERE g.grid_code IS NULL");

        assertThat(orphans).as("every event names an existing grid").isEmpty();
        assertThat(levels)
                .as("events are reported on level-2 and level-3 grids")
                .allMatch(l -> (Integer) l.get(0) == 2 || (Integer) l.get(0) == 3);
    }

    @Test
    void eventIdsFollowReportingOrder() throws Exception {
        List<List<Object>> events =
                SampleFiles.table(result, "SELECT event_id, reported_at FROM event ORDER BY event_id");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get(0)).isEqualTo(String.format("E2023%06d", i + 1));
            if (i > 0) {
                assertThat((Timestamp) events.get(i).get(1))
                        .as("numbered in reporting order")
                        .isAfterOrEqualTo((Timestamp) events.get(i - 1).get(1));
            }
        }
    }
}
