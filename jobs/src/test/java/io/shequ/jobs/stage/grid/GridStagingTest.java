package io.shequ.jobs.stage.grid;

import static io.shequ.jobs.gridfixture.LandedGridTables.withReporter;
import static io.shequ.jobs.gridfixture.VendorRows.COMMUNITY;
import static io.shequ.jobs.gridfixture.VendorRows.event;
import static io.shequ.jobs.gridfixture.VendorRows.flow;
import static io.shequ.jobs.gridfixture.VendorRows.grid;
import static io.shequ.jobs.gridfixture.VendorRows.invalidId;
import static io.shequ.jobs.gridfixture.VendorRows.validId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shequ.jobs.gridfixture.LandedGridTables;
import io.shequ.jobs.gridfixture.VendorGridDatabase;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.spark.TestSpark;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.schemas.contract.RejectRule;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridStagingTest {

    private static final LocalDateTime EXTRACTED = LocalDateTime.of(2023, 6, 1, 8, 0);
    private static final LocalDateTime T = EXTRACTED.minusDays(5);

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    private Map<String, SourceAccount> stage(
            List<VendorGridDatabase.Grid> grids,
            List<VendorGridDatabase.Event> events,
            List<VendorGridDatabase.Flow> flows) {
        LandedGridTables.write(spark, dir.resolve("landed"), grids, events, flows);
        return new GridStaging(spark)
                        .stage(
                                dir.resolve("landed"),
                                dir.resolve("staged"),
                                new Quarantine(dir.resolve("quarantine"), "r1"),
                                EXTRACTED)
                        .stream()
                        .collect(Collectors.toMap(SourceAccount::location, Function.identity()));
    }

    private List<Row> staged(String table) {
        return spark.read()
                .parquet(dir.resolve("staged").resolve(table).toString())
                .collectAsList();
    }

    private List<Row> quarantined(String table) {
        return new Quarantine(dir.resolve("quarantine"), "r1")
                .read(spark, "grid_system_" + table)
                .collectAsList();
    }

    @Test
    void timestampsLaterThanTheExtractionAreQuarantined() {
        Map<String, SourceAccount> accounts = stage(
                List.of(grid("G1", COMMUNITY, T), grid("G2", COMMUNITY, EXTRACTED.plusDays(1))),
                List.of(
                        event("E1", "G1", "已上报", T, T),
                        event("E2", "G1", "已上报", EXTRACTED.plusMinutes(1), EXTRACTED.plusMinutes(1)),
                        event("E3", "G1", "已上报", T, EXTRACTED.plusYears(1)),
                        event("E4", "G1", "已上报", EXTRACTED, EXTRACTED)),
                List.of(flow("E1", 1, "上报", T), flow("E1", 2, "立案", EXTRACTED.plusHours(2))));

        assertThat(staged("event"))
                .extracting(r -> r.getAs("event_id"))
                .as("at the extraction instant is not future")
                .containsExactlyInAnyOrder("E1", "E4");
        assertThat(quarantined("event"))
                .extracting(r -> r.getAs("line"), r -> r.getAs("column"), r -> r.getAs("rule"))
                .containsExactlyInAnyOrder(
                        tuple("E2", "reported_at", RejectRule.FUTURE_TIMESTAMP.code()),
                        tuple("E3", "updated_at", RejectRule.FUTURE_TIMESTAMP.code()));
        assertThat(quarantined("event_flow"))
                .extracting(r -> r.getAs("line"), r -> r.getAs("rule"))
                .containsExactly(tuple("E1/2", RejectRule.FUTURE_TIMESTAMP.code()));
        assertThat(quarantined("grid")).extracting(r -> r.getAs("line")).containsExactly("G2");
        assertThat(accounts.get("event")).isEqualTo(new SourceAccount("grid_system", "event", 4, 2, 2, null));
        assertThat(accounts.get("event_flow")).isEqualTo(new SourceAccount("grid_system", "event_flow", 2, 1, 1, null));
    }

    @Test
    void aFlowStepRecordedTwiceKeepsItsLowestSeqAndQuarantinesTheOthers() {
        Map<String, SourceAccount> accounts = stage(
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已结案", T, T.plusDays(2)), event("E2", "G1", "已立案", T, T)),
                List.of(
                        flow("E1", 1, "上报", T),
                        flow("E1", 2, "立案", T.plusHours(1)),
                        flow("E1", 3, "立案", T.plusHours(1)),
                        flow("E1", 4, "返工", T.plusDays(1)),
                        flow("E1", 5, "返工", T.plusDays(1)),
                        flow("E1", 6, "返工", T.plusDays(1)),
                        // the same action at another time is a real second step, not a duplicate
                        flow("E1", 7, "返工", T.plusDays(1).plusHours(1)),
                        flow("E1", 8, "结案", T.plusDays(2)),
                        // another event's identical step is not a duplicate either
                        flow("E2", 1, "上报", T),
                        flow("E2", 2, "立案", T.plusHours(1))));

        assertThat(staged("event_flow"))
                .extracting(r -> r.getAs("event_id") + "/" + r.getAs("seq"))
                .containsExactlyInAnyOrder("E1/1", "E1/2", "E1/4", "E1/7", "E1/8", "E2/1", "E2/2");
        assertThat(quarantined("event_flow"))
                .extracting(r -> r.getAs("line"), r -> r.getAs("rule"))
                .containsExactlyInAnyOrder(
                        tuple("E1/3", RejectRule.DUPLICATE_ROW.code()),
                        tuple("E1/5", RejectRule.DUPLICATE_ROW.code()),
                        tuple("E1/6", RejectRule.DUPLICATE_ROW.code()));
        assertThat(quarantined("event_flow"))
                .extracting(r -> (String) r.getAs("reason"))
                .as("the reason names the seq kept")
                .anyMatch(reason -> reason.contains("seq 4"));
        assertThat(accounts.get("event_flow"))
                .as("rows read = staged + quarantined")
                .isEqualTo(new SourceAccount("grid_system", "event_flow", 10, 7, 3, null));
    }

    @Test
    void malformedReporterIdentifiersAreNulledWithANoteAndTheEventIsKept() {
        String first17 = "37010319850612345";
        VendorGridDatabase.Event base = event("E1", "G1", "已上报", T, T);
        Map<String, SourceAccount> accounts = stage(
                List.of(grid("G1", COMMUNITY, T)),
                List.of(
                        withReporter(base, "13912345678", validId(first17)),
                        withReporter(event("E2", "G1", "已上报", T, T), "13912345678", invalidId(first17)),
                        withReporter(event("E3", "G1", "已上报", T, T), "139-1234-567", validId(first17)),
                        withReporter(event("E4", "G1", "已上报", T, T), "1391234567", invalidId(first17)),
                        withReporter(event("E5", "G1", "已上报", T, T), "", null)),
                List.of());

        Map<String, Row> byId = staged("event").stream().collect(Collectors.toMap(r -> r.getAs("event_id"), r -> r));
        assertThat(byId).as("no event is dropped for an identifier").hasSize(5);
        assertThat(quarantined("event")).isEmpty();
        assertThat(accounts.get("event")).isEqualTo(new SourceAccount("grid_system", "event", 5, 5, 0, null));

        assertThat((String) byId.get("E1").getAs("reporter_id_no")).isEqualTo(validId(first17));
        assertThat((String) byId.get("E1").getAs("null_notes")).isNull();

        assertThat((String) byId.get("E2").getAs("reporter_id_no")).isNull();
        assertThat((String) byId.get("E2").getAs("reporter_phone")).isEqualTo("13912345678");
        assertThat((String) byId.get("E2").getAs("null_notes"))
                .startsWith("reporter_id_no:")
                .doesNotContain("reporter_phone");

        assertThat((String) byId.get("E3").getAs("reporter_phone")).isNull();
        assertThat((String) byId.get("E3").getAs("reporter_id_no")).isEqualTo(validId(first17));
        assertThat((String) byId.get("E3").getAs("null_notes")).startsWith("reporter_phone:");

        assertThat((String) byId.get("E4").getAs("reporter_phone")).isNull();
        assertThat((String) byId.get("E4").getAs("reporter_id_no")).isNull();
        assertThat((String) byId.get("E4").getAs("null_notes")).contains("reporter_id_no:", "reporter_phone:");

        assertThat((String) byId.get("E5").getAs("null_notes"))
                .as("absent is not malformed")
                .isNull();
    }

    @Test
    void flowRowsWhoseSeqDisagreesWithTheirTimesAreStagedAsTheyAre() {
        Map<String, SourceAccount> accounts = stage(
                List.of(grid("G1", COMMUNITY, T)),
                List.of(event("E1", "G1", "已结案", T, T.plusDays(2))),
                List.of(
                        flow("E1", 1, "结案", T.plusDays(2)),
                        flow("E1", 2, "上报", T),
                        flow("E1", 3, "立案", T.plusHours(1))));

        assertThat(staged("event_flow"))
                .extracting(r -> r.getAs("seq"), r -> r.getAs("action"))
                .containsExactlyInAnyOrder(tuple(1, "结案"), tuple(2, "上报"), tuple(3, "立案"));
        assertThat(accounts.get("event_flow").rowsQuarantined()).isZero();
    }
}
