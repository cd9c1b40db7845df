package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each audit passes on the fixture lake and fails on a snapshot broken in the one way it
 * guards against. A broken snapshot is a copy of a good build with one statement applied.
 */
class WarehouseAuditsTest {

    @TempDir
    static Path dir;

    static LakeSnapshot lake;
    static Path good;

    @BeforeAll
    static void build() throws Exception {
        lake = new TestLake(dir.resolve("lake")).standard();
        good = new WarehouseBuilder().build(lake, dir.resolve("good.duckdb"));
    }

    private static Path broken(String name, String... statements) throws Exception {
        Path copy = Files.copy(good, dir.resolve(name + ".duckdb"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + copy);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return copy;
    }

    private static List<AuditOutcome> failed(List<AuditOutcome> outcomes) {
        return outcomes.stream().filter(o -> !o.passed()).toList();
    }

    @Test
    void aGoodSnapshotPassesEveryAuditAndEachIsNamed() {
        List<AuditOutcome> outcomes = new WarehouseAudits(0.5).audit(good, Optional.of(good));

        assertThat(failed(outcomes)).as("the fixture lake is consistent").isEmpty();
        assertThat(outcomes)
                .extracting(AuditOutcome::name)
                .contains(
                        "referential_integrity:fct_community_reports.community_code",
                        "referential_integrity:fct_service_contracts.served_code",
                        "referential_integrity:fct_grid_events.grid_code",
                        "totals_reconcile:fct_service_contracts",
                        "totals_reconcile:fct_grid_events",
                        "indicators_coherent:mart_indicators",
                        "row_drop:fct_grid_events",
                        "row_drop:mart_indicators");
        assertThat(outcomes.stream()
                        .filter(o -> o.name().equals("totals_reconcile:fct_service_contracts"))
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .as("amounts are compared, not only counts")
                .contains("sum(allocated_amount_yuan)");
    }

    @Test
    void aFactCodeMissingFromItsDimensionFailsReferentialIntegrity() throws Exception {
        Path snapshot = broken(
                "orphan", "UPDATE fct_community_reports SET community_code = '370103999999' WHERE source_line = 3");

        List<AuditOutcome> failed = failed(new WarehouseAudits(0.5).audit(snapshot, Optional.empty()));

        assertThat(failed)
                .extracting(AuditOutcome::name)
                .contains("referential_integrity:fct_community_reports.community_code");
        assertThat(failed.get(0).detail()).contains("370103999999").contains("dim_division.division_code");
    }

    @Test
    void aFactThatLostRowsSinceTheLakeFailsReconciliationAndChangedAmountsShowInTheFigures() throws Exception {
        Path fewer = broken("fewer", "DELETE FROM fct_grid_events WHERE event_id = 'E1'");
        Path smaller = broken(
                "smaller",
                "UPDATE fct_service_contracts SET allocated_amount_yuan = allocated_amount_yuan - 1"
                        + " WHERE allocated_amount_yuan = (SELECT max(allocated_amount_yuan) FROM fct_service_contracts)");

        assertThat(failed(new WarehouseAudits(0.5).audit(fewer, Optional.empty())))
                .extracting(AuditOutcome::name, AuditOutcome::detail)
                .containsExactly(
                        Tuple.tuple("totals_reconcile:fct_grid_events", "rows: warehouse 6, lake snapshot states 7"));
        List<AuditOutcome> smallerOutcomes = new WarehouseAudits(0.5).audit(smaller, Optional.empty());
        assertThat(failed(smallerOutcomes))
                .extracting(AuditOutcome::name)
                .as("the signed amount's lineage reads the changed fact row")
                .containsExactly("lineage_adds_up:mart_indicator_lineage");
        assertThat(allocated(smallerOutcomes))
                .as(
                        "the published total, which value accounting holds against the lake's per file, is 1 yuan less on each of the two largest shares")
                .isEqualByComparingTo(allocated(new WarehouseAudits(0.5).audit(good, Optional.empty()))
                        .subtract(BigDecimal.valueOf(2)));
    }

    private static BigDecimal allocated(List<AuditOutcome> outcomes) {
        String detail = outcomes.stream()
                .filter(o -> o.name().equals("totals_reconcile:fct_service_contracts"))
                .findFirst()
                .orElseThrow()
                .detail();
        Matcher sum =
                Pattern.compile("sum\\(allocated_amount_yuan\\) = ([0-9.]+)").matcher(detail);
        assertThat(sum.find()).as(detail).isTrue();
        return new BigDecimal(sum.group(1));
    }

    @Test
    void aValueItsLineageRowsNoLongerAddUpToFailsTheLineageAudit() throws Exception {
        Path flipped = broken(
                "flipped",
                "UPDATE int_grid_events_counted SET is_closed = NOT is_closed"
                        + " WHERE event_id = (SELECT min(event_id) FROM int_grid_events_counted WHERE is_registered)");

        List<AuditOutcome> failed = failed(new WarehouseAudits(0.5).audit(flipped, Optional.empty()));
        assertThat(failed)
                .extracting(AuditOutcome::name)
                .as("only the lineage changed, not the facts or the values")
                .containsExactly("lineage_adds_up:mart_indicator_lineage");
        assertThat(failed.get(0).detail())
                .as("names a value of the flipped event's closure rate")
                .contains("indicator=close_rate");
    }

    @Test
    void anIncoherentIndicatorValueFailsItsAudit() throws Exception {
        Path wrongRatio = broken(
                "ratio",
                "UPDATE mart_indicators SET value = value + 0.1 WHERE denominator IS NOT NULL"
                        + " AND rowid = (SELECT min(rowid) FROM mart_indicators WHERE denominator IS NOT NULL)");
        Path negative = broken(
                "negative",
                "UPDATE mart_indicators SET numerator = -1, value = -1"
                        + " WHERE rowid = (SELECT min(rowid) FROM mart_indicators WHERE denominator IS NULL)");

        List<AuditOutcome> ratioFailed = failed(new WarehouseAudits(0.5).audit(wrongRatio, Optional.empty()));
        assertThat(ratioFailed)
                .extracting(AuditOutcome::name)
                .as("numerator and denominator still add up")
                .containsExactly("indicators_coherent:mart_indicators");
        assertThat(ratioFailed.get(0).detail()).startsWith("1 of ");
        List<AuditOutcome> negativeFailed = failed(new WarehouseAudits(0.5).audit(negative, Optional.empty()));
        assertThat(negativeFailed)
                .extracting(AuditOutcome::name)
                .as("a numerator of -1 is not what its rows add up to")
                .containsExactly("indicators_coherent:mart_indicators", "lineage_adds_up:mart_indicator_lineage");
        assertThat(negativeFailed).allSatisfy(o -> assertThat(o.detail()).startsWith("1 of "));
    }

    @Test
    void aDropBeyondTheBoundSincePreviousSnapshotFails() throws Exception {
        TestLake testLake = new TestLake(dir.resolve("lake-drop"));
        List<LakeTable> tables = new ArrayList<>(lake.tables());
        String csv = TestLake.fixture("fct_grid_events");
        String twoEvents = String.join("\n", csv.lines().limit(3).toList()) + "\n";
        tables.set(
                WarehouseBuilderTest.indexOf(tables, "fct_grid_events"),
                TestLake.table("fct_grid_events", 77, testLake.parquet("fct_grid_events", twoEvents)));
        Path shrunk = new WarehouseBuilder().build(TestLake.snapshot(tables), dir.resolve("shrunk.duckdb"));

        List<AuditOutcome> atHalf = new WarehouseAudits(0.5).audit(shrunk, Optional.of(good));
        assertThat(failed(atHalf))
                .extracting(AuditOutcome::name)
                .as("7 → 2 events is a 71% drop")
                .contains("row_drop:fct_grid_events");
        assertThat(failed(atHalf).stream()
                        .filter(o -> o.name().equals("row_drop:fct_grid_events"))
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .startsWith("2 rows, previous snapshot 7 (-71.4%; largest drop allowed 50.0%)");

        assertThat(failed(new WarehouseAudits(0.8).audit(shrunk, Optional.of(good))))
                .extracting(AuditOutcome::name)
                .as("allowed when the bound is 80%")
                .doesNotContain("row_drop:fct_grid_events");
        assertThat(failed(new WarehouseAudits(0.5).audit(shrunk, Optional.empty())))
                .extracting(AuditOutcome::name)
                .as("nothing to compare with before the first publish")
                .noneMatch(name -> name.startsWith("row_drop:"));
    }
}
