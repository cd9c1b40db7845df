package io.shequ.jobs.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.privacy.PersonAttributes;
import io.shequ.jobs.privacy.Pseudonymizer;
import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.jobs.spark.TestSpark;
import io.shequ.schemas.code.ResidentIdNumber;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The accumulating snapshot of grid events: milestones, deadline, flags and counts, and the reporter pseudonymized. */
class GridEventsToFactsTest {

    private static final LocalDateTime T = LocalDateTime.of(2023, 5, 1, 9, 0);
    private static final String COMMUNITY = "370103001001";
    private static final byte[] KEY = "a test key that is long enough to be used".getBytes(StandardCharsets.UTF_8);
    private static final String ID = "37010319800101123" + ResidentIdNumber.checkCharacter("37010319800101123");

    private static final StructType EVENTS = new StructType()
            .add("event_id", DataTypes.StringType)
            .add("grid_code", DataTypes.StringType)
            .add("category_code", DataTypes.StringType)
            .add("channel", DataTypes.StringType)
            .add("reporter_name", DataTypes.StringType)
            .add("reporter_phone", DataTypes.StringType)
            .add("reporter_id_no", DataTypes.StringType)
            .add("reported_at", DataTypes.TimestampNTZType)
            .add("deadline_at", DataTypes.TimestampNTZType)
            .add("satisfaction", DataTypes.StringType)
            .add("updated_at", DataTypes.TimestampNTZType);
    private static final StructType FLOWS = new StructType()
            .add("event_id", DataTypes.StringType)
            .add("seq", DataTypes.IntegerType)
            .add("action", DataTypes.StringType)
            .add("acted_at", DataTypes.TimestampNTZType)
            .add("note", DataTypes.StringType);
    private static final StructType GRIDS =
            new StructType().add("grid_code", DataTypes.StringType).add("community_code", DataTypes.StringType);

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    @Test
    void milestonesComeFromTheFlowsByTimeWhateverTheirSeq() {
        // a reworked event: disposed twice, checked twice, one extension; seq numbers deliberately shuffled
        List<Row> flows = List.of(
                flow("E1", 9, "结案", T.plusDays(5)),
                flow("E1", 1, "处置", T.plusDays(2)),
                flow("E1", 2, "上报", T),
                flow("E1", 3, "立案", T.plusHours(1)),
                flow("E1", 4, "派遣", T.plusHours(2)),
                flow("E1", 5, "核查", T.plusDays(2).plusHours(3)),
                flow("E1", 6, "返工", T.plusDays(3)),
                flow("E1", 7, "处置", T.plusDays(4)),
                flow("E1", 8, "核查", T.plusDays(4).plusHours(5)),
                RowFactory.create("E1", 10, "延期", T.plusDays(2).plusHours(4), "延期至2023-05-07 18:00:00"),
                flow("E1", 11, "派遣", T.plusHours(6)));
        Row e1 = facts(List.of(event("E1", "G1", "满意")), flows).get("E1");

        assertThat((LocalDateTime) e1.getAs("flow_reported_at")).isEqualTo(T);
        assertThat((LocalDateTime) e1.getAs("registered_at")).isEqualTo(T.plusHours(1));
        assertThat((LocalDateTime) e1.getAs("dispatched_at"))
                .as("the first dispatch")
                .isEqualTo(T.plusHours(2));
        assertThat((LocalDateTime) e1.getAs("disposed_at"))
                .as("the last 处置, after the rework")
                .isEqualTo(T.plusDays(4));
        assertThat((LocalDateTime) e1.getAs("checked_at"))
                .as("the last check")
                .isEqualTo(T.plusDays(4).plusHours(5));
        assertThat((LocalDateTime) e1.getAs("closed_at")).isEqualTo(T.plusDays(5));
        assertThat((LocalDateTime) e1.getAs("original_deadline_at")).isEqualTo(T.plusDays(3));
        assertThat((LocalDateTime) e1.getAs("deadline_at"))
                .as("moved by the extension")
                .isEqualTo(LocalDateTime.of(2023, 5, 7, 18, 0));
        assertThat((Boolean) e1.getAs("is_on_time"))
                .as("closed 2023-05-06 09:00, before the extended deadline")
                .isTrue();
        assertThat((Integer) e1.getAs("rework_count")).isEqualTo(1);
        assertThat((Integer) e1.getAs("extension_count")).isEqualTo(1);
        assertThat((Long) e1.getAs("flow_count")).isEqualTo(11L);
        assertThat((Double) e1.getAs("hours_to_close"))
                .as("registration to closure")
                .isEqualTo(5 * 24.0 - 1);
        assertThat((Boolean) e1.getAs("is_closed")).isTrue();
        assertThat((Boolean) e1.getAs("is_voided")).isFalse();
        assertThat((Integer) e1.getAs("report_year")).isEqualTo(2023);
        assertThat((Integer) e1.getAs("report_month")).isEqualTo(5);
    }

    @Test
    void theLatestExtensionSetsTheDeadlineAndALateCloseIsNotOnTime() {
        List<Row> flows = List.of(
                flow("E2", 1, "上报", T),
                flow("E2", 2, "立案", T.plusHours(1)),
                RowFactory.create("E2", 4, "延期", T.plusDays(2), "延期至2023-05-20 12:00:00"),
                // a later extension that shortens the deadline again: time order decides, not the later date
                RowFactory.create("E2", 3, "延期", T.plusDays(3), "延期至2023-05-06 12:00:00"),
                flow("E2", 5, "结案", LocalDateTime.of(2023, 5, 8, 9, 0)));
        Row e2 = facts(List.of(event("E2", "G1", null)), flows).get("E2");

        assertThat((LocalDateTime) e2.getAs("deadline_at")).isEqualTo(LocalDateTime.of(2023, 5, 6, 12, 0));
        assertThat((Integer) e2.getAs("extension_count")).isEqualTo(2);
        assertThat((Boolean) e2.getAs("is_on_time")).isFalse();
    }

    @Test
    void aVoidedEventIsNeitherClosedNorTimedAndAnOpenOneHasNoCloseMilestones() {
        List<Row> flows = List.of(
                flow("E3", 1, "上报", T),
                flow("E3", 2, "作废", T.plusHours(2)),
                flow("E4", 1, "上报", T),
                flow("E4", 2, "立案", T.plusHours(1)),
                flow("E4", 3, "派遣", T.plusHours(3)));
        Map<String, Row> facts = facts(List.of(event("E3", "G1", null), event("E4", "G1", null)), flows);

        Row voided = facts.get("E3");
        assertThat((Boolean) voided.getAs("is_voided")).isTrue();
        assertThat((LocalDateTime) voided.getAs("voided_at")).isEqualTo(T.plusHours(2));
        assertThat((Boolean) voided.getAs("is_closed")).isFalse();
        assertThat((Boolean) voided.getAs("is_registered")).isFalse();
        Row open = facts.get("E4");
        assertThat((LocalDateTime) open.getAs("dispatched_at")).isEqualTo(T.plusHours(3));
        assertThat((Object) open.getAs("disposed_at")).isNull();
        assertThat((Object) open.getAs("closed_at")).isNull();
        assertThat((Object) open.getAs("is_on_time"))
                .as("not closed: no on-time verdict yet")
                .isNull();
        assertThat((Object) open.getAs("hours_to_close")).isNull();
    }

    @Test
    void theReporterLeavesAsAKeyedPseudonymWithAgeBandAndSexReadBeforeHashing() {
        Row fact = facts(List.of(event("E5", "G1", null)), List.of(flow("E5", 1, "上报", T)))
                .get("E5");

        assertThat((String) fact.getAs("reporter_key"))
                .isEqualTo(new Pseudonymizer(KEY).pseudonym("id", ID))
                .doesNotContain(ID)
                .hasSize(64);
        assertThat((String) fact.getAs("reporter_age_band"))
                .isEqualTo(
                        PersonAttributes.ageBand(ID, LocalDate.of(2023, 5, 1)).orElseThrow())
                .isEqualTo("35-59");
        assertThat((String) fact.getAs("reporter_sex"))
                .as("sequence 123 is odd")
                .isEqualTo("male");
        for (String column : fact.schema().fieldNames()) {
            Object value = fact.getAs(column);
            assertThat(String.valueOf(value))
                    .as("column %s", column)
                    .doesNotContain(ID)
                    .doesNotContain("13812345678")
                    .doesNotContain("张三");
        }
    }

    @Test
    void anEventOnAGridNotYetKnownIsAFactWithoutACommunity() {
        GridEventsToFacts.Result result = apply(
                List.of(event("E6", "G1", null), event("E7", "G404", null)),
                List.of(flow("E6", 1, "上报", T), flow("E7", 1, "上报", T)));

        Map<String, Row> facts =
                result.facts().collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("event_id"), r -> r));
        assertThat(facts).containsOnlyKeys("E6", "E7");
        assertThat((String) facts.get("E6").getAs("community_code")).isEqualTo(COMMUNITY);
        assertThat((String) facts.get("E7").getAs("community_code"))
                .as("late grid: no community yet")
                .isNull();
        assertThat((String) facts.get("E7").getAs("district_code")).isNull();
        assertThat(result.rejected().count()).isZero();
    }

    @Test
    void anEventOnAKnownGridWithoutAValidCommunityIsRejected() {
        Dataset<Row> grids = spark.createDataFrame(
                List.of(RowFactory.create("G1", COMMUNITY), RowFactory.create("G2", "37010")), GRIDS);
        GridEventsToFacts.Result result = new GridEventsToFacts()
                .apply(
                        mirrored(spark.createDataFrame(
                                List.of(event("E6", "G1", null), event("E8", "G2", null)), EVENTS)),
                        spark.createDataFrame(List.of(flow("E6", 1, "上报", T), flow("E8", 1, "上报", T)), FLOWS),
                        grids);

        assertThat(result.facts().collectAsList())
                .extracting(r -> r.getAs("event_id"))
                .containsExactly("E6");
        assertThat(result.rejected().collectAsList())
                .extracting(r -> r.getAs("line"), r -> r.getAs("rule"))
                .containsExactly(Tuple.tuple("E8", "unresolved_division"));
    }

    @Test
    void aGridWithoutItsOwnCommunityTakesTheOneUpItsParentChain() {
        StructType chained = new StructType()
                .add("grid_code", DataTypes.StringType)
                .add("parent_code", DataTypes.StringType)
                .add("community_code", DataTypes.StringType);
        Dataset<Row> grids = spark.createDataFrame(
                List.of(
                        RowFactory.create("L1", null, COMMUNITY),
                        RowFactory.create("L2", "L1", ""), // empty: the community grid names it
                        RowFactory.create("L3", "L2", "370103001000"), // a street's code is no community: up the chain
                        RowFactory.create("C1", "C2", null), // a loop with no community in it
                        RowFactory.create("C2", "C1", "37010"),
                        RowFactory.create("O1", "L404", null)),
                chained); // parent not in the grid table
        List<Row> events = List.of(
                event("E2", "L2", null), event("E3", "L3", null), event("E4", "C1", null), event("E5", "O1", null));
        GridEventsToFacts.Result result = new GridEventsToFacts()
                .apply(
                        mirrored(spark.createDataFrame(events, EVENTS)),
                        spark.createDataFrame(
                                events.stream()
                                        .map(e -> flow(e.getString(0), 1, "上报", T))
                                        .toList(),
                                FLOWS),
                        grids);

        Map<String, Row> facts =
                result.facts().collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("event_id"), r -> r));
        assertThat(facts).containsOnlyKeys("E2", "E3");
        assertThat((String) facts.get("E2").getAs("community_code"))
                .as("level 2 grid, parent names it")
                .isEqualTo(COMMUNITY);
        assertThat((String) facts.get("E3").getAs("community_code"))
                .as("two levels up")
                .isEqualTo(COMMUNITY);
        assertThat((String) facts.get("E3").getAs("township_code")).isEqualTo("370103001000");
        Map<String, String> reasons = result.rejected().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("line"), r -> r.getAs("reason")));
        assertThat(reasons).containsOnlyKeys("E4", "E5");
        assertThat(reasons.get("E4")).as("a cycle ends the walk, named").contains("C1 → C2 → C1", "cycle");
        assertThat(reasons.get("E5")).contains("L404 is not in the grid table");
    }

    private static Map<String, Row> facts(List<Row> events, List<Row> flows) {
        return apply(events, flows).facts().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("event_id"), r -> r));
    }

    private static GridEventsToFacts.Result apply(List<Row> events, List<Row> flows) {
        Dataset<Row> grids = spark.createDataFrame(List.of(RowFactory.create("G1", COMMUNITY)), GRIDS);
        return new GridEventsToFacts()
                .apply(mirrored(spark.createDataFrame(events, EVENTS)), spark.createDataFrame(flows, FLOWS), grids);
    }

    /** Events as the grid mirror holds them: reporters pseudonymized. */
    private static Dataset<Row> mirrored(Dataset<Row> staged) {
        return new ReportersToPseudonyms(new Pseudonymizer(KEY)).apply(staged);
    }

    private static Row event(String id, String grid, String satisfaction) {
        return RowFactory.create(
                id, grid, "0101", "居民上报", "张三", "13812345678", ID, T, T.plusDays(3), satisfaction, T.plusDays(6));
    }

    private static Row flow(String event, int seq, String action, LocalDateTime at) {
        return RowFactory.create(event, seq, action, at, null);
    }
}
