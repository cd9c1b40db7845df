package io.shequ.jobs.extract;

import static io.shequ.jobs.gridfixture.VendorRows.COMMUNITY;
import static io.shequ.jobs.gridfixture.VendorRows.event;
import static io.shequ.jobs.gridfixture.VendorRows.flow;
import static io.shequ.jobs.gridfixture.VendorRows.grid;
import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.gridfixture.VendorGridDatabase;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.GridSource;
import io.shequ.jobs.spark.TestSpark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridSystemLandingTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2023, 3, 1, 10, 0);

    private static SparkSession spark;

    @TempDir
    Path dir;

    private VendorGridDatabase vendor;
    private GridWatermarks watermarks;
    private HomeLayout layout;
    private GridSource source;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    @BeforeEach
    void setUp() throws Exception {
        vendor = new VendorGridDatabase("jdbc:h2:file:" + dir.resolve("vendor"), "sa", "");
        vendor.createSchema();
        JdbcDataSource repository = new JdbcDataSource();
        repository.setURL("jdbc:h2:file:" + dir.resolve("jobs"));
        repository.setUser("sa");
        watermarks = new GridWatermarks(repository);
        layout = new HomeLayout(dir.resolve("home"));
        source = new GridSource(vendor.url(), vendor.user(), vendor.password(), Duration.ofMinutes(10));
        vendor.upsertGrids(List.of(grid("G1", COMMUNITY, T0.minusDays(10))));
        vendor.upsertEvents(
                List.of(
                        event("E1", "G1", "已立案", T0.minusHours(2), T0.minusMinutes(60)),
                        event("E2", "G1", "已立案", T0.minusHours(2), T0.minusMinutes(30)),
                        event("E3", "G1", "已上报", T0.minusHours(1), T0.minusMinutes(10))),
                List.of(
                        flow("E1", 1, "上报", T0.minusHours(2)),
                        flow("E1", 2, "立案", T0.minusMinutes(60)),
                        flow("E2", 1, "上报", T0.minusHours(2)),
                        flow("E2", 2, "立案", T0.minusMinutes(30)),
                        flow("E3", 1, "上报", T0.minusMinutes(10))));
    }

    private GridSystemLanding landingAt(LocalDateTime wallClock) {
        return new GridSystemLanding(
                spark,
                layout,
                watermarks,
                Clock.fixed(
                        wallClock.atZone(GridSystemLanding.VENDOR_ZONE).toInstant(), GridSystemLanding.VENDOR_ZONE));
    }

    private Set<String> landed(String runId, String table, String column) {
        return spark
                .read()
                .parquet(layout.landingTables(runId).resolve(table).toString())
                .select(column)
                .collectAsList()
                .stream()
                .map(r -> String.valueOf(r.get(0)))
                .collect(Collectors.toSet());
    }

    private static GridExtract.TableIncrement increment(GridExtract extract, String table) {
        return extract.tables().stream()
                .filter(t -> t.table().equals(table))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void firstExtractReadsEveryRowAndProposesTheNewestUpdate() throws Exception {
        GridSystemLanding.Landing landing = landingAt(T0).land(source, "r1");

        assertThat(landed("r1", "event", "event_id"))
                .as("no watermark yet: a full read")
                .containsExactlyInAnyOrder("E1", "E2", "E3");
        assertThat(increment(landing.extract(), "event_flow").rows()).isEqualTo(5);
        assertThat(increment(landing.extract(), "event").readAfter()).isNull();
        assertThat(landing.extract().watermarkCandidates())
                .containsEntry("event", T0.minusMinutes(10))
                .containsEntry("grid", T0.minusDays(10))
                .doesNotContainKey("event_flow");
        assertThat(watermarks.current("event"))
                .as("nothing is committed by extracting")
                .isEmpty();
    }

    @Test
    void landedTablesHaveTheContractsLowerCaseColumnsWhateverCaseTheDatabaseReports() throws Exception {
        landingAt(T0).land(source, "r1");

        // H2 reports unquoted identifiers in upper case, PostgreSQL in lower case: staging sees one schema
        assertThat(spark.read()
                        .parquet(layout.landingTables("r1").resolve("event").toString())
                        .columns())
                .as("event columns as the vendor contract spells them")
                .contains("event_id", "grid_code", "reported_at", "updated_at")
                .allSatisfy(c -> assertThat(c).isEqualTo(c.toLowerCase(Locale.ROOT)));
        assertThat(spark.read()
                        .parquet(
                                layout.landingTables("r1").resolve("event_flow").toString())
                        .columns())
                .contains("event_id", "seq", "action", "acted_at");
    }

    @Test
    void laterExtractReadsRowsUpdatedAfterTheWatermarkMinusTheOverlapAndTheirFlows() throws Exception {
        GridSystemLanding.Landing first = landingAt(T0).land(source, "r1");
        watermarks.commit("r1", first.extract().watermarkCandidates());
        LocalDateTime watermark = T0.minusMinutes(10);
        vendor.upsertEvents(
                List.of(
                        // the status moved on
                        event("E2", "G1", "已结案", T0.minusHours(2), T0.plusMinutes(30)),
                        // new
                        event("E4", "G1", "已上报", T0.plusMinutes(20), T0.plusMinutes(20)),
                        // committed by the vendor after the first extract, stamped before its watermark: the overlap
                        // catches it
                        event("E5", "G1", "已上报", T0.minusMinutes(15), watermark.minusMinutes(5)),
                        // stamped earlier than the overlap reaches: the documented limit of an updated_at extract
                        event("E6", "G1", "已上报", T0.minusMinutes(40), watermark.minusMinutes(25))),
                List.of(
                        flow("E2", 1, "上报", T0.minusHours(2)),
                        flow("E2", 2, "立案", T0.minusMinutes(30)),
                        flow("E2", 3, "结案", T0.plusMinutes(30)),
                        flow("E4", 1, "上报", T0.plusMinutes(20)),
                        flow("E5", 1, "上报", T0.minusMinutes(15)),
                        flow("E6", 1, "上报", T0.minusMinutes(40))));

        GridSystemLanding.Landing second = landingAt(T0.plusHours(1)).land(source, "r2");

        assertThat(increment(second.extract(), "event").readAfter()).isEqualTo(watermark.minusMinutes(10));
        assertThat(landed("r2", "event", "event_id"))
                .as("E1 is older than the window, E3 is re-read by the overlap")
                .containsExactlyInAnyOrder("E2", "E3", "E4", "E5");
        assertThat(landed("r2", "event_flow", "event_id"))
                .as("only the flows of the events read")
                .containsExactlyInAnyOrder("E2", "E3", "E4", "E5");
        assertThat(increment(second.extract(), "event_flow").rows()).isEqualTo(3 + 1 + 1 + 1);
        assertThat(landed("r2", "grid", "grid_code"))
                .as("unchanged, but stamped at its watermark: the overlap re-reads it")
                .containsExactly("G1");
        assertThat(second.extract().watermarkCandidates())
                .containsEntry("event", T0.plusMinutes(30))
                .as("a table with nothing new keeps its watermark")
                .containsEntry("grid", T0.minusDays(10));
    }

    @Test
    void futureDatedRowNeverPinsTheWatermark() throws Exception {
        vendor.upsertEvents(
                List.of(event("E9", "G1", "已上报", T0.plusYears(3), T0.plusYears(3))),
                List.of(flow("E9", 1, "上报", T0.plusYears(3))));

        GridSystemLanding.Landing landing = landingAt(T0).land(source, "r1");

        assertThat(landed("r1", "event", "event_id")).contains("E9");
        assertThat(landing.extract().startedAt()).isEqualTo(T0);
        assertThat(landing.extract().watermarkCandidates())
                .as("capped at the extraction start")
                .containsEntry("event", T0);
    }

    @Test
    void runThatDoesNotCommitLeavesTheRowsToTheNextRun() throws Exception {
        landingAt(T0).land(source, "r1");

        GridSystemLanding.Landing again = landingAt(T0.plusHours(1)).land(source, "r2");

        assertThat(landed("r2", "event", "event_id")).containsExactlyInAnyOrder("E1", "E2", "E3");
        assertThat(increment(again.extract(), "event").readAfter()).isNull();
    }

    @Test
    void watermarkNeverMovesBackwards() {
        watermarks.commit("r1", Map.of("event", T0));
        watermarks.commit("r2", Map.of("event", T0.minusHours(1), "grid", T0.minusDays(1)));

        assertThat(watermarks.current("event")).contains(T0);
        assertThat(watermarks.current("grid")).contains(T0.minusDays(1));
    }
}
