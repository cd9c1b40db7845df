package io.shequ.jobs.conform;

import static io.shequ.jobs.gridfixture.VendorRows.event;
import static io.shequ.jobs.gridfixture.VendorRows.flow;
import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.gridfixture.LandedGridTables;
import io.shequ.jobs.gridfixture.VendorGridDatabase;
import io.shequ.jobs.gridstate.GridMirror;
import io.shequ.jobs.gridstate.GridState;
import io.shequ.jobs.gridstate.GridStateChanges;
import io.shequ.jobs.privacy.Pseudonymizer;
import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.jobs.spark.TestSpark;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.grid.GridStaging;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grid facts kept from one run, with only the events an increment touches recomputed and merged
 * in, equal the facts rebuilt from the whole merged state, run after run: re-read rows touch
 * nothing, a re-coded grid up a parent chain touches the events of the grids below it, a grid
 * that loses its community takes its events out of the facts.
 */
class TouchedGridEventsTest {

    private static final LocalDateTime T = LocalDateTime.of(2023, 5, 1, 9, 0);
    private static final ReportersToPseudonyms REPORTERS = new ReportersToPseudonyms(
            new Pseudonymizer("a test key that is long enough to be used".getBytes(StandardCharsets.UTF_8)));

    private static SparkSession spark;

    @TempDir
    Path dir;

    private Dataset<Row> kept;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    /** What one run did: the touched events (null: the state was new, or the increment changed nothing) and the facts. */
    private record Outcome(List<String> touched, boolean unchanged, Dataset<Row> facts, Dataset<Row> rebuilt) {}

    private Outcome run(
            String runId,
            List<VendorGridDatabase.Grid> grids,
            List<VendorGridDatabase.Event> events,
            List<VendorGridDatabase.Flow> flows) {
        Path landed = dir.resolve("landed").resolve(runId);
        Path staged = dir.resolve("staged").resolve(runId);
        LandedGridTables.write(spark, landed, grids, events, flows);
        new GridStaging(spark)
                .stage(landed, staged, new Quarantine(dir.resolve("q").resolve(runId), runId), T.plusYears(1));
        GridMirror mirror = new GridMirror(dir.resolve("mirror"));
        Optional<GridState> before = mirror.current(spark);
        if (before.isPresent()) {
            GridState increment = GridState.read(spark, staged);
            GridStateChanges changes = GridStateChanges.between(
                    before.get(),
                    new GridState(increment.grids(), REPORTERS.apply(increment.events()), increment.flows()));
            if (changes.none()) {
                return new Outcome(List.of(), true, kept, rebuilt(before.get()));
            }
            GridState merged = mirror.merge(spark, runId, staged, REPORTERS);
            Dataset<Row> touched =
                    new TouchedGridEvents().apply(changes, before.get().grids(), merged);
            Dataset<Row> recomputed = new GridEventsToFacts()
                    .apply(
                            merged.events().join(touched, "event_id", "left_semi"),
                            merged.flows().join(touched, "event_id", "left_semi"),
                            merged.grids())
                    .facts();
            keep(runId, new TouchedFactsMerge().apply(kept, touched, recomputed));
            mirror.promote(runId);
            return new Outcome(
                    touched.collectAsList().stream()
                            .map(r -> r.getString(0))
                            .sorted()
                            .toList(),
                    false,
                    kept,
                    rebuilt(merged));
        }
        GridState merged = mirror.merge(spark, runId, staged, REPORTERS);
        keep(runId, rebuilt(merged));
        mirror.promote(runId);
        return new Outcome(null, false, kept, rebuilt(merged));
    }

    private static Dataset<Row> rebuilt(GridState state) {
        return new GridEventsToFacts()
                .apply(state.events(), state.flows(), state.grids())
                .facts();
    }

    private void keep(String runId, Dataset<Row> facts) {
        String folder = dir.resolve("facts").resolve(runId).toString();
        facts.write().parquet(folder);
        kept = spark.read().parquet(folder);
    }

    private static VendorGridDatabase.Grid grid(String code, String parent, String community, LocalDateTime updatedAt) {
        return new VendorGridDatabase.Grid(
                code, "网格" + code, parent == null ? 3 : 4, parent, community, T.minusDays(60), updatedAt);
    }

    private static List<String> rows(Dataset<Row> facts, String[] columns) {
        return facts.selectExpr(columns).collectAsList().stream()
                .map(Row::toString)
                .sorted()
                .toList();
    }

    private static void assertSameFacts(Outcome outcome, String run) {
        String[] columns = outcome.rebuilt().columns();
        assertThat(outcome.facts().columns()).as(run + ": columns").containsExactlyInAnyOrder(columns);
        assertThat(rows(outcome.facts(), columns))
                .as(run + ": merged facts = facts rebuilt from the whole state")
                .isEqualTo(rows(outcome.rebuilt(), columns))
                .isNotEmpty();
    }

    @Test
    void mergedFactsEqualFactsRebuiltFromTheWholeStateRunAfterRun() {
        List<VendorGridDatabase.Grid> grids = List.of(
                grid("G0", null, "370103001001", T.minusDays(30)),
                grid("G1", "G0", null, T.minusDays(30)),
                grid("G2", null, "370103001002", T.minusDays(30)));
        Outcome first = run(
                "r1",
                grids,
                List.of(
                        event("E1", "G1", "已立案", T, T.plusHours(1)),
                        event("E2", "G2", "已上报", T, T),
                        event("E3", "G1", "已上报", T, T)),
                List.of(
                        flow("E1", 1, "上报", T),
                        flow("E1", 2, "立案", T.plusHours(1)),
                        flow("E2", 1, "上报", T),
                        flow("E3", 1, "上报", T)));
        assertSameFacts(first, "r1");

        // G0 re-coded: G1 resolves through it; E2 read again as it was; E4 new
        Outcome second = run(
                "r2",
                List.of(grid("G0", null, "370103002003", T.plusDays(1))),
                List.of(event("E2", "G2", "已上报", T, T), event("E4", "G2", "已上报", T.plusDays(1), T.plusDays(1))),
                List.of(flow("E2", 1, "上报", T), flow("E4", 1, "上报", T.plusDays(1))));
        assertThat(second.touched())
                .as("the events below the re-coded grid and the new one; not the one read again")
                .containsExactly("E1", "E3", "E4");
        assertSameFacts(second, "r2");
        assertThat(second.facts().filter("event_id = 'E1'").first().<String>getAs("community_code"))
                .isEqualTo("370103002003");

        Outcome third = run(
                "r3",
                List.of(grid("G0", null, "370103002003", T.plusDays(1))),
                List.of(event("E4", "G2", "已上报", T.plusDays(1), T.plusDays(1))),
                List.of(flow("E4", 1, "上报", T.plusDays(1))));
        assertThat(third.unchanged())
                .as("every row read again is held as it is: nothing to merge")
                .isTrue();
        assertSameFacts(third, "r3");

        // E1's flows renumbered and closed; G2 loses its community, so E2 and E4 leave the facts
        Outcome fourth = run(
                "r4",
                List.of(grid("G2", null, "", T.plusDays(3))),
                List.of(event("E1", "G1", "已结案", T, T.plusDays(3))),
                List.of(
                        flow("E1", 10, "上报", T),
                        flow("E1", 11, "立案", T.plusHours(1)),
                        flow("E1", 12, "结案", T.plusDays(3))));
        assertThat(fourth.touched()).containsExactly("E1", "E2", "E4");
        assertSameFacts(fourth, "r4");
        assertThat(rows(fourth.facts().select("event_id"), new String[] {"event_id"}))
                .as("events on a grid without a community are no facts")
                .containsExactly("[E1]", "[E3]");
    }
}
