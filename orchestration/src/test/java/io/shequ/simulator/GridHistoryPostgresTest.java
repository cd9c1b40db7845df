package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.orchestration.testing.PostgresServer;
import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid database on a real PostgreSQL server: portable DDL, and advancing equals writing directly. */
class GridHistoryPostgresTest {

    private static final SimulationSpec SPEC =
            new SimulationSpec(DivisionCode.parse("370103"), 2023, 21L, 1, 5, 0, Mess.level(Mess.Level.HEAVY));
    private static final String USER = PostgresServer.USER;

    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        postgres.createDatabase("advanced");
        postgres.createDatabase("direct");
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void writtenAtT1AndAdvancedTwiceEqualsWrittenAtT3() throws Exception {
        GridHistory history = GridHistory.of(SPEC);
        String advanced = postgres.url("advanced");
        String direct = postgres.url("direct");
        LocalDateTime t1 = LocalDateTime.of(2023, 5, 10, 9, 0);
        LocalDateTime t2 = LocalDateTime.of(2023, 11, 3, 17, 45);
        LocalDateTime t3 = history.defaultAsOf().plusMonths(2);

        history.writeAsOf(advanced, USER, "", t1);
        int eventsAtT1 = GridTables.rows(advanced, USER, "", "SELECT event_id FROM event")
                .size();
        history.advanceTo(advanced, USER, "", t2);
        history.advanceTo(advanced, USER, "", t3);
        history.writeAsOf(direct, USER, "", t3);

        Map<String, List<List<Object>>> byAdvancing = GridTables.all(advanced, USER, "");
        Map<String, List<List<Object>>> byWriting = GridTables.all(direct, USER, "");
        for (String table : List.of("grid", "event", "event_flow")) {
            assertThat(byAdvancing.get(table))
                    .as("%s on PostgreSQL, row by row", table)
                    .isEqualTo(byWriting.get(table));
        }
        assertThat(eventsAtT1)
                .as("fewer events at t1")
                .isPositive()
                .isLessThan(byWriting.get("event").size());
        assertThat(byWriting.get("event")).as("every event of the year by t3").hasSize(history.eventCount());
    }

    @Test
    void theSimulatorWritesItsGridDatabaseToAnyJdbcUrl(@TempDir Path out) throws Exception {
        String url = postgres.url("postgres");
        SimulationResult result = SourceSimulator.generate(SPEC, out, new GridConnection(url, USER, ""));

        assertThat(result.gridJdbcUrl()).isEqualTo(url);
        assertThat(out.resolve(GridDatabaseWriter.FOLDER))
                .as("no H2 file when a URL is given")
                .doesNotExist();
        assertThat(GridTables.rows(url, USER, "", "SELECT COUNT(*) FROM event")
                        .get(0)
                        .get(0))
                .isEqualTo((long) result.events());
        assertThat(out.resolve("ground-truth/grid-events.csv")).exists();
    }
}
