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

    @Test
    void writingEventsWithAClearReporterIsRefused() {
        Path staged =
                stage("r1", List.of(grid("G1", COMMUNITY, T)), List.of(event("E1", "G1", "已上报", T, T)), List.of());
        assertThatThrownBy(() -> mirror().write(spark, "r1", GridState.read(spark, staged)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reporter_id_no");
    }
}
