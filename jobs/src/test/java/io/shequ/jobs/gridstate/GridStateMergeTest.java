package io.shequ.jobs.gridstate;

import static io.shequ.jobs.gridfixture.VendorRows.COMMUNITY;
import static io.shequ.jobs.gridfixture.VendorRows.event;
import static io.shequ.jobs.gridfixture.VendorRows.flow;
import static io.shequ.jobs.gridfixture.VendorRows.grid;
import static io.shequ.jobs.gridfixture.VendorRows.validId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.jobs.conform.GridEventsToFacts;
import io.shequ.jobs.gridfixture.LandedGridTables;
import io.shequ.jobs.gridfixture.VendorGridDatabase;
import io.shequ.jobs.privacy.Pseudonymizer;
import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.jobs.spark.TestSpark;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.grid.GridStaging;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs of staged increments merged into the grid mirror, and the facts built from the merged state. */
class GridStateMergeTest {

    private static final LocalDateTime T = LocalDateTime.of(2023, 5, 1, 9, 0);

    private static final Pseudonymizer KEYED =
            new Pseudonymizer("a test key that is long enough to be used".getBytes(StandardCharsets.UTF_8));
    private static final ReportersToPseudonyms REPORTERS = new ReportersToPseudonyms(KEYED);

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    /** Stages one increment, merges it into the mirror, promotes it, and returns the facts and rejects. */
    private GridEventsToFacts.Result run(
            String runId,
            List<VendorGridDatabase.Grid> grids,
            List<VendorGridDatabase.Event> events,
            List<VendorGridDatabase.Flow> flows) {
        Path staged = stage(runId, grids, events, flows);
        GridMirror mirror = mirror();
        GridState merged = mirror.merge(spark, runId, staged, REPORTERS);
        mirror.promote(runId);
        return new GridEventsToFacts().apply(merged.events(), merged.flows(), merged.grids());
    }

    private Path stage(
            String runId,
            List<VendorGridDatabase.Grid> grids,
            List<VendorGridDatabase.Event> events,
            List<VendorGridDatabase.Flow> flows) {
        Path landed = dir.resolve("landed").resolve(runId);
        Path staged = dir.resolve("staged").resolve(runId);
        LandedGridTables.write(spark, landed, grids, events, flows);
        new GridStaging(spark)
                .stage(landed, staged, new Quarantine(dir.resolve("q").resolve(runId), runId), T.plusYears(1));
        return staged;
    }

    private GridMirror mirror() {
        return new GridMirror(dir.resolve("state/grid-mirror"));
    }

    private static Map<String, Row> byEvent(List<Row> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.getAs("event_id"), r -> r));
    }

    @Test
    void anEventWhoseStatusMovesOnIsUpdatedNeverDuplicatedAndItsFlowsAreReplaced() {
        run(
                "r1",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已立案", T, T.plusHours(1)), event("E2", "G1", "已上报", T, T)),
                List.of(flow("E1", 1, "上报", T), flow("E1", 2, "立案", T.plusHours(1)), flow("E2", 1, "上报", T)));
        // the vendor renumbered E1's flows and closed it; E2 did not change and is not in the increment
        GridEventsToFacts.Result second = run(
                "r2",
                List.of(),
                List.of(event("E1", "G1", "已结案", T, T.plusDays(1))),
                List.of(
                        flow("E1", 10, "上报", T),
                        flow("E1", 11, "立案", T.plusHours(1)),
                        flow("E1", 12, "结案", T.plusDays(1))));

        Map<String, Row> facts = byEvent(second.facts().collectAsList());
        assertThat(facts).as("one row per event, E2 kept from the earlier run").containsOnlyKeys("E1", "E2");
        assertThat((Boolean) facts.get("E1").getAs("is_closed")).isTrue();
        assertThat((LocalDateTime) facts.get("E1").getAs("closed_at")).isEqualTo(T.plusDays(1));
        GridState current = mirror().current(spark).orElseThrow();
        assertThat(current.events().filter("event_id = 'E1'").collectAsList())
                .extracting(r -> r.getAs("status"))
                .containsExactly("已结案");
        assertThat(current.flows().collectAsList())
                .extracting(r -> r.getAs("event_id") + "/" + r.getAs("seq"))
                .as("E1's flows replaced by its latest extract, E2's kept")
                .containsExactlyInAnyOrder("E1/10", "E1/11", "E1/12", "E2/1");
    }

    @Test
    void anOlderRowReadAgainByTheOverlapDoesNotWinOverANewerOne() {
        run(
                "r1",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已结案", T, T.plusDays(1))),
                List.of(flow("E1", 1, "上报", T), flow("E1", 2, "结案", T.plusDays(1))));
        run("r2", List.of(grid("G1", "370103001999", T.minusDays(1))), List.of(), List.of());

        GridState current = mirror().current(spark).orElseThrow();
        assertThat(current.grids().collectAsList())
                .extracting(r -> r.getAs("community_code"))
                .containsExactly(COMMUNITY);
    }

    @Test
    void anEventOnAGridNotYetInTheGridTableHasNoCommunityUntilTheGridArrives() {
        GridEventsToFacts.Result first = run(
                "r1",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已上报", T, T), event("E2", "G9", "已上报", T, T)),
                List.of(flow("E1", 1, "上报", T), flow("E2", 1, "上报", T)));

        Map<String, Row> early = byEvent(first.facts().collectAsList());
        assertThat(early).containsOnlyKeys("E1", "E2");
        assertThat((String) early.get("E2").getAs("community_code"))
                .as("a late grid: no community yet")
                .isNull();
        assertThat(first.rejected().count()).isZero();
        assertThat(mirror().current(spark).orElseThrow().events().collectAsList())
                .extracting(r -> r.getAs("event_id"))
                .as("the event stays in the merged state")
                .containsExactlyInAnyOrder("E1", "E2");

        GridEventsToFacts.Result second =
                run("r2", List.of(grid("G9", "370103001002", T.plusDays(3))), List.of(), List.of());

        Map<String, Row> facts = byEvent(second.facts().collectAsList());
        assertThat(facts).containsOnlyKeys("E1", "E2");
        assertThat((String) facts.get("E2").getAs("community_code")).isEqualTo("370103001002");
        assertThat((String) facts.get("E2").getAs("township_code")).isEqualTo("370103001000");
        assertThat(second.rejected().count()).isZero();
    }

    @Test
    void milestonesFollowActedAtWhateverTheSeqOrder() {
        GridEventsToFacts.Result result = run(
                "r1",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已结案", T, T.plusDays(4))),
                List.of(
                        flow("E1", 1, "结案", T.plusDays(4)), flow("E1", 2, "返工", T.plusDays(3)),
                        flow("E1", 3, "结案", T.plusDays(2)), flow("E1", 4, "立案", T.plusHours(1)),
                        flow("E1", 5, "上报", T), flow("E1", 6, "立案", T.plusHours(1))));

        Row fact = result.facts().collectAsList().get(0);
        assertThat((LocalDateTime) fact.getAs("registered_at")).isEqualTo(T.plusHours(1));
        assertThat((LocalDateTime) fact.getAs("closed_at"))
                .as("the last close by time, not by seq")
                .isEqualTo(T.plusDays(4));
        assertThat((Integer) fact.getAs("rework_count")).isEqualTo(1);
    }

    @Test
    void theMirrorIsOwnerOnlyAndOnlyTheCommittedRunIsCurrent() throws Exception {
        run("r1", List.of(grid("G1", COMMUNITY, T)), List.of(event("E1", "G1", "已上报", T, T)), List.of());
        GridMirror mirror = mirror();
        mirror.write(spark, "r2", GridState.read(spark, dir.resolve("state/grid-mirror/r1")));

        assertThat(mirror.currentRun()).as("r2 has merged but not committed").contains("r1");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("state/grid-mirror/r2/event"))))
                .isEqualTo("rwx------");
        mirror.promote("r2");
        assertThat(Files.readString(dir.resolve("state/grid-mirror/CURRENT")).strip())
                .isEqualTo("r2");
    }

    @Test
    void theMirrorKeepsTheReportersPseudonymAgeBandAndSexNeverTheClearIdentifiers() {
        // the first run adopts the increment, the second merges into it: both paths write the mirror
        GridEventsToFacts.Result first = run(
                "r1",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已上报", T, T)),
                List.of(flow("E1", 1, "上报", T)));
        run("r2", List.of(), List.of(event("E2", "G1", "已上报", T, T)), List.of(flow("E2", 1, "上报", T)));

        for (String runId : List.of("r1", "r2")) {
            Dataset<Row> events = spark.read()
                    .parquet(dir.resolve("state/grid-mirror")
                            .resolve(runId)
                            .resolve("event")
                            .toString());
            assertThat(events.columns())
                    .as("mirror events of %s", runId)
                    .doesNotContain("reporter_name", "reporter_phone", "reporter_id_no")
                    .contains("reporter_key", "reporter_age_band", "reporter_sex");
            assertThat(events.collectAsList().toString())
                    .as("no clear value left in any column of %s", runId)
                    .doesNotContain("张三", "13812345678", validId("37010319800101123"));
        }
        Row fact = first.facts().collectAsList().get(0);
        assertThat((String) fact.getAs("reporter_key"))
                .as("the person key is the ID number's pseudonym, as before")
                .isEqualTo(KEYED.pseudonym("id", validId("37010319800101123")));
        assertThat((String) fact.getAs("reporter_age_band"))
                .as("born 1980, reported 2023")
                .isEqualTo("35-59");
        assertThat((String) fact.getAs("reporter_sex"))
                .as("sequence 123 is odd")
                .isEqualTo("male");
    }

    @Test
    void aMirrorWithClearIdentifiersIsRewrittenOnceAndItsFactsDoNotChange() throws Exception {
        // an earlier release's mirror: the staged events, clear columns and all, made current as r0
        Path staged = stage(
                "r0",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已结案", T, T.plusDays(1))),
                List.of(flow("E1", 1, "上报", T), flow("E1", 2, "结案", T.plusDays(1))));
        Path old = dir.resolve("state/grid-mirror/r0");
        GridState.read(spark, staged).write(old);
        Files.writeString(dir.resolve("state/grid-mirror/CURRENT"), "r0\n");
        GridState clear = mirror().current(spark).orElseThrow();
        List<Row> expected = new GridEventsToFacts()
                .apply(REPORTERS.apply(clear.events()), clear.flows(), clear.grids())
                .facts()
                .collectAsList();

        List<String> rewritten = new ClearReporterMigration(spark, REPORTERS).migrate(mirror());

        assertThat(rewritten).containsExactly("r0");
        GridState migrated = mirror().current(spark).orElseThrow();
        assertThat(migrated.events().columns()).doesNotContain("reporter_name", "reporter_phone", "reporter_id_no");
        assertThat(new GridEventsToFacts()
                        .apply(migrated.events(), migrated.flows(), migrated.grids())
                        .facts()
                        .collectAsList())
                .as("facts from the migrated mirror are those from the clear one")
                .isEqualTo(expected);
        assertThat(new ClearReporterMigration(spark, REPORTERS).migrate(mirror()))
                .as("nothing left to rewrite")
                .isEmpty();
        assertThat(old.resolve("event.clear")).doesNotExist();
    }

    @Test
    void aMigrationKilledBetweenItsRenamesIsFinishedByTheNextRun() throws Exception {
        Path staged =
                stage("r0", List.of(grid("G1", COMMUNITY, T)), List.of(event("E1", "G1", "已上报", T, T)), List.of());
        Path old = dir.resolve("state/grid-mirror/r0");
        GridState.read(spark, staged).write(old);
        Files.writeString(dir.resolve("state/grid-mirror/CURRENT"), "r0\n");
        // killed after the clear table was renamed away and before the new one was renamed in
        Files.move(old.resolve("event"), old.resolve("event.clear"));

        assertThat(new ClearReporterMigration(spark, REPORTERS).migrate(mirror()))
                .containsExactly("r0");
        assertThat(old.resolve("event.clear")).doesNotExist();
        assertThat(mirror().current(spark).orElseThrow().events().collectAsList())
                .extracting(r -> r.getAs("event_id"))
                .as("the event is back, pseudonymized")
                .containsExactly("E1");
    }

    /** The months the files of {@code table} in run {@code runId}'s folder hold. */
    private Set<Integer> months(String runId, String table) {
        return MonthFiles.byMonth(
                        dir.resolve("state/grid-mirror").resolve(runId).resolve(table))
                .orElseThrow()
                .keySet();
    }

    private Path monthFile(String runId, String table, int month) {
        return MonthFiles.byMonth(
                        dir.resolve("state/grid-mirror").resolve(runId).resolve(table))
                .orElseThrow()
                .get(month)
                .get(0);
    }

    /** Facts built from the whole of a state, sorted by event, as independent ground truth. */
    private static List<String> factsOf(GridState state) {
        return new GridEventsToFacts()
                .apply(state.events(), state.flows(), state.grids()).facts().collectAsList().stream()
                        .map(Row::toString)
                        .sorted()
                        .toList();
    }

    @Test
    void anIncrementRewritesTheMonthsItNamesAndLinksTheOthersUnread() throws Exception {
        LocalDateTime may = T;
        LocalDateTime july = T.plusMonths(2);
        LocalDateTime september = T.plusMonths(4);
        run(
                "r1",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(
                        event("E1", "G1", "已上报", may, may),
                        event("E2", "G1", "已上报", july, july),
                        event("E3", "G1", "已上报", september, september)),
                List.of(flow("E1", 1, "上报", may), flow("E2", 1, "上报", july), flow("E3", 1, "上报", september)));
        GridState first = mirror().current(spark).orElseThrow();
        GridState firstWhole = new GridState(
                first.grids().localCheckpoint(),
                first.events().localCheckpoint(),
                first.flows().localCheckpoint());
        assertThat(months("r1", "event")).containsExactly(202305, 202307, 202309);
        assertThat(months("r1", "event_flow")).containsExactly(202305, 202307, 202309);

        // E1 (May) moves on, E4 is new in September; nothing in July is named
        Path staged = stage(
                "r2",
                List.of(),
                List.of(event("E1", "G1", "已结案", may, september), event("E4", "G1", "已上报", september, september)),
                List.of(flow("E1", 1, "上报", may), flow("E1", 2, "结案", september), flow("E4", 1, "上报", september)));
        GridState increment = GridMirror.increment(spark, staged, REPORTERS);
        GridMirror.Scope scope = mirror().scope(spark, first, increment);
        assertThat(scope.months()).contains(Set.of(0, 202305, 202309));
        assertThat(scope.touched().events().collectAsList())
                .extracting(r -> r.getAs("event_id"))
                .as("only the named months are read")
                .containsExactlyInAnyOrder("E1", "E3");
        GridState merged = mirror().merge(spark, "r2", increment, Optional.of(scope));

        assertThat(Files.isSameFile(monthFile("r1", "event", 202307), monthFile("r2", "event", 202307)))
                .as("July's events linked, not rewritten")
                .isTrue();
        assertThat(Files.isSameFile(monthFile("r1", "event_flow", 202307), monthFile("r2", "event_flow", 202307)))
                .as("July's flows linked, not rewritten")
                .isTrue();
        assertThat(Files.isSameFile(monthFile("r1", "event", 202305), monthFile("r2", "event", 202305)))
                .as("May rewritten")
                .isFalse();
        assertThat(merged.events().collectAsList())
                .extracting(r -> r.getAs("event_id"))
                .as("one row per event")
                .containsExactlyInAnyOrder("E1", "E2", "E3", "E4");
        assertThat(factsOf(merged))
                .as("the facts of a merge of the whole state")
                .isEqualTo(factsOf(new GridStateMerge().apply(Optional.of(firstWhole), increment)));
    }

    @Test
    void anEventTheVendorRedatesMovesMonthWithItsFlows() {
        run(
                "r1",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已上报", T, T), event("E2", "G1", "已上报", T, T)),
                List.of(flow("E1", 1, "上报", T), flow("E2", 1, "上报", T)));
        LocalDateTime june = T.plusMonths(1);
        run(
                "r2",
                List.of(),
                List.of(event("E1", "G1", "已上报", june, june.plusHours(1))),
                List.of(flow("E1", 1, "上报", june)));

        GridState current = mirror().current(spark).orElseThrow();
        assertThat(current.events().collectAsList())
                .extracting(r -> r.getAs("event_id"))
                .containsExactlyInAnyOrder("E1", "E2");
        assertThat(MonthFiles.read(spark, dir.resolve("state/grid-mirror/r2/event"), Set.of(202306))
                        .collectAsList())
                .extracting(r -> r.getAs("event_id"))
                .as("E1 lives in June now, and only there")
                .containsExactly("E1");
        assertThat(MonthFiles.read(spark, dir.resolve("state/grid-mirror/r2/event_flow"), Set.of(202306))
                        .collectAsList())
                .extracting(r -> r.getAs("event_id") + "/" + r.getAs("seq"))
                .as("its flows went with it")
                .containsExactly("E1/1");
        assertThat(MonthFiles.read(spark, dir.resolve("state/grid-mirror/r2/event_flow"), Set.of(202305))
                        .collectAsList())
                .extracting(r -> r.getAs("event_id") + "/" + r.getAs("seq"))
                .containsExactly("E2/1");
    }

    @Test
    void flowsAheadOfTheirEventWaitInMonthZeroAndJoinItsMonthWhenItArrives() {
        run(
                "r1",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已上报", T, T)),
                List.of(flow("E1", 1, "上报", T), flow("E9", 1, "上报", T)));
        assertThat(months("r1", "event_flow")).containsExactly(0, 202305);

        run(
                "r2",
                List.of(),
                List.of(event("E9", "G1", "已上报", T, T.plusHours(2))),
                List.of(flow("E9", 1, "上报", T), flow("E9", 2, "立案", T.plusHours(1))));

        assertThat(MonthFiles.read(spark, dir.resolve("state/grid-mirror/r2/event_flow"), Set.of(0))
                        .count())
                .as("nothing waits any more")
                .isZero();
        assertThat(MonthFiles.read(spark, dir.resolve("state/grid-mirror/r2/event_flow"), Set.of(202305))
                        .collectAsList())
                .extracting(r -> r.getAs("event_id") + "/" + r.getAs("seq"))
                .containsExactlyInAnyOrder("E1/1", "E9/1", "E9/2");
    }

    @Test
    void aMirrorAnEarlierReleaseKeptWholeIsMergedWholeThenKeptByMonth() {
        // the layout before months: plain Parquet folders, made current as r0
        Path staged = stage(
                "r0",
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已上报", T, T), event("E2", "G1", "已上报", T.plusMonths(1), T)),
                List.of(flow("E1", 1, "上报", T), flow("E2", 1, "上报", T.plusMonths(1))));
        GridState old = GridMirror.increment(spark, staged, REPORTERS);
        old.write(dir.resolve("state/grid-mirror/r0"));
        mirror().promote("r0");
        GridState before = mirror().current(spark).orElseThrow();
        GridState beforeWhole = new GridState(
                before.grids().localCheckpoint(),
                before.events().localCheckpoint(),
                before.flows().localCheckpoint());

        Path next = stage("r1", List.of(), List.of(event("E3", "G1", "已上报", T, T)), List.of(flow("E3", 1, "上报", T)));
        GridState increment = GridMirror.increment(spark, next, REPORTERS);
        GridMirror.Scope scope = mirror().scope(spark, before, increment);
        assertThat(scope.months())
                .as("a state not kept by month is merged whole")
                .isEmpty();
        GridState merged = mirror().merge(spark, "r1", increment, Optional.of(scope));

        assertThat(months("r1", "event")).containsExactly(202305, 202306);
        assertThat(factsOf(merged)).isEqualTo(factsOf(new GridStateMerge().apply(Optional.of(beforeWhole), increment)));
    }

    @Test
    void writingEventsWithAClearReporterIsRefused() {
        Path staged =
                stage("r1", List.of(grid("G1", COMMUNITY, T)), List.of(event("E1", "G1", "已上报", T, T)), List.of());
        assertThatThrownBy(() -> mirror().write(spark, "r1", GridState.read(spark, staged)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reporter_id_no");
    }
}
