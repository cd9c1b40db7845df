package io.shequ.jobs.gridstate;

import static io.shequ.jobs.gridfixture.LandedGridTables.withReporter;
import static io.shequ.jobs.gridfixture.VendorRows.COMMUNITY;
import static io.shequ.jobs.gridfixture.VendorRows.event;
import static io.shequ.jobs.gridfixture.VendorRows.flow;
import static io.shequ.jobs.gridfixture.VendorRows.grid;
import static io.shequ.jobs.gridfixture.VendorRows.invalidId;
import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.conform.GridEventsToFacts;
import io.shequ.jobs.extract.GridWatermarks;
import io.shequ.jobs.gridfixture.GridRunner;
import io.shequ.jobs.gridfixture.VendorGridDatabase;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.settings.GridSource;
import io.shequ.jobs.spark.TestSpark;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental grid extract against a real PostgreSQL: three extracts with vendor updates
 * between them leave exactly the merged state (every column of every event, flow and grid) and
 * the facts that one extract at the end gives. The updates include each kind of grid mess and a
 * row the vendor committed after an extract with an {@code updated_at} just below its watermark.
 */
class IncrementalGridExtractIT {

    private static final LocalDateTime T1 = LocalDateTime.of(2023, 4, 1, 12, 0);
    private static final LocalDateTime T2 = T1.plusDays(1);
    private static final LocalDateTime T3 = T1.plusDays(2);

    private static EmbeddedPostgres postgres;
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        spark = TestSpark.session();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private GridRunner runner(VendorGridDatabase vendor, String home) {
        JdbcDataSource repository = new JdbcDataSource();
        repository.setURL("jdbc:h2:file:" + dir.resolve(home).resolve("state/jobs"));
        repository.setUser("sa");
        return new GridRunner(
                spark,
                new HomeLayout(dir.resolve(home)),
                new GridWatermarks(repository),
                new GridSource(vendor.url(), vendor.user(), vendor.password(), Duration.ofMinutes(10)));
    }

    @Test
    void threeExtractsWithUpdatesBetweenThemMergeToWhatOneExtractAtTheEndGives() throws Exception {
        VendorGridDatabase vendor = new VendorGridDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        vendor.createSchema();
        GridRunner incremental = runner(vendor, "incremental");

        atT1(vendor);
        GridRunner.RunResult first = incremental.run("r1", T1.plusMinutes(30), true);
        assertThat(first.merged().events().count()).isEqualTo(3);
        atT2(vendor);
        GridRunner.RunResult second = incremental.run("r2", T2.plusMinutes(30), true);
        assertThat(second.landing().extract().tables().get(1).rows())
                .as("the second extract is an increment, not a full read")
                .isLessThan(5);
        atT3(vendor);
        GridRunner.RunResult third = incremental.run("r3", T3.plusMinutes(30), true);
        GridRunner.RunResult once = runner(vendor, "once").run("r9", T3.plusMinutes(30), true);

        for (GridRunner.RunResult run : List.of(first, second, third, once)) {
            for (SourceAccount account : run.accounts()) {
                assertThat(account.rowsRead())
                        .as("accounting of " + account.location())
                        .isEqualTo(account.rowsStaged() + account.rowsQuarantined());
            }
        }
        assertSameRows("event", third.merged().events(), once.merged().events());
        assertSameRows("event_flow", third.merged().flows(), once.merged().flows());
        assertSameRows("grid", third.merged().grids(), once.merged().grids());
        assertThat(third.merged().events().collectAsList())
                .extracting(r -> r.getAs("event_id"))
                .as("every event once; the future-dated one never")
                .containsExactlyInAnyOrder("E1", "E2", "E3", "E4", "E5");
        GridEventsToFacts.Result incrementalFacts = facts(third.merged());
        GridEventsToFacts.Result onceFacts = facts(once.merged());
        assertSameRows("fct_grid_events", incrementalFacts.facts(), onceFacts.facts());
        assertThat(incrementalFacts.facts().count())
                .as("E3's grid arrived at T2")
                .isEqualTo(5);
    }

    private static GridEventsToFacts.Result facts(GridState state) {
        return new GridEventsToFacts().apply(state.events(), state.flows(), state.grids());
    }

    private static void assertSameRows(String what, Dataset<Row> actual, Dataset<Row> expected) {
        String[] columns = expected.columns();
        assertThat(actual.columns()).as(what + " columns").containsExactlyInAnyOrder(columns);
        List<String> a = actual.selectExpr(columns).collectAsList().stream()
                .map(Row::toString)
                .sorted()
                .toList();
        List<String> e = expected.selectExpr(columns).collectAsList().stream()
                .map(Row::toString)
                .sorted()
                .toList();
        assertThat(a).as(what + ": every column of every row").isEqualTo(e).isNotEmpty();
    }

    /** Two events on a known grid, one on a grid the grid table does not have yet. */
    private static void atT1(VendorGridDatabase vendor) throws Exception {
        vendor.upsertGrids(List.of(grid("G1", COMMUNITY, T1.minusDays(30))));
        vendor.upsertEvents(
                List.of(
                        event("E1", "G1", "已上报", T1.minusHours(3), T1.minusHours(3)),
                        event("E2", "G1", "已立案", T1.minusHours(2), T1.minusHours(1)),
                        event("E3", "G2", "已上报", T1.minusHours(2), T1.minusHours(2))),
                List.of(
                        flow("E1", 1, "上报", T1.minusHours(3)),
                        flow("E2", 1, "上报", T1.minusHours(2)),
                        flow("E2", 2, "立案", T1.minusHours(1)),
                        flow("E3", 1, "上报", T1.minusHours(2))));
    }

    /** E1 closes, a step of E2 is recorded twice, E4 is new, G2 arrives, and E5 commits late. */
    private static void atT2(VendorGridDatabase vendor) throws Exception {
        vendor.upsertGrids(List.of(grid("G2", "370103001002", T2.minusHours(1))));
        LocalDateTime firstWatermark = T1.minusHours(1);
        vendor.upsertEvents(
                List.of(
                        event("E1", "G1", "已结案", T1.minusHours(3), T2.minusHours(3)),
                        event("E2", "G1", "已派遣", T1.minusHours(2), T2.minusHours(2)),
                        event("E4", "G2", "已上报", T2.minusHours(1), T2.minusHours(1)),
                        event("E5", "G1", "已上报", firstWatermark.minusMinutes(20), firstWatermark.minusMinutes(5))),
                List.of(
                        flow("E1", 1, "上报", T1.minusHours(3)),
                        flow("E1", 2, "立案", T1.minusHours(2)),
                        flow("E1", 3, "结案", T2.minusHours(3)),
                        flow("E2", 1, "上报", T1.minusHours(2)),
                        flow("E2", 2, "立案", T1.minusHours(1)),
                        flow("E2", 3, "派遣", T2.minusHours(2)),
                        flow("E2", 4, "派遣", T2.minusHours(2)),
                        flow("E4", 1, "上报", T2.minusHours(1)),
                        flow("E5", 1, "上报", firstWatermark.minusMinutes(20))));
    }

    /** E1 is reworked and closed again, E2 closes with seqs out of time order, E4 gets a bad ID, E6 is future-dated. */
    private static void atT3(VendorGridDatabase vendor) throws Exception {
        vendor.upsertEvents(
                List.of(
                        event("E1", "G1", "已结案", T1.minusHours(3), T3.minusHours(1)),
                        event("E2", "G1", "已结案", T1.minusHours(2), T3.minusHours(2)),
                        withReporter(
                                event("E4", "G2", "已立案", T2.minusHours(1), T3.minusHours(4)),
                                "1391234567",
                                invalidId("37010319900101234")),
                        event("E6", "G1", "已上报", T3.plusYears(1), T3.plusYears(1))),
                List.of(
                        flow("E1", 1, "上报", T1.minusHours(3)),
                        flow("E1", 2, "立案", T1.minusHours(2)),
                        flow("E1", 3, "结案", T2.minusHours(3)),
                        flow("E1", 4, "返工", T3.minusHours(3)),
                        flow("E1", 5, "结案", T3.minusHours(1)),
                        flow("E2", 1, "结案", T3.minusHours(2)),
                        flow("E2", 2, "上报", T1.minusHours(2)),
                        flow("E2", 3, "立案", T1.minusHours(1)),
                        flow("E2", 4, "派遣", T2.minusHours(2)),
                        flow("E2", 5, "派遣", T2.minusHours(2)),
                        flow("E4", 1, "上报", T2.minusHours(1)),
                        flow("E4", 2, "立案", T3.minusHours(4)),
                        flow("E6", 1, "上报", T3.plusYears(1))));
    }
}
