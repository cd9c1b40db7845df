package io.shequ.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.extract.GridSystemLanding;
import io.shequ.jobs.extract.GridWatermarks;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.settings.GridSource;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.spark.TestSpark;
import io.shequ.jobs.stage.grid.GridStaging;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.GroundTruthCsv;
import io.shequ.simulator.Mess;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A generated grid-system database with every kind of grid mess switched on (heavy), extracted and
 * staged by the real landing and staging classes at the sample's as-of instant, and held to
 * ground-truth/grid-events.csv and grid-flow-rejects.csv: per table, rows read = staged +
 * quarantined, and read = the rows the database holds; the staged events are the truth's staged
 * events with their values; the quarantined rows are exactly the truth's rejects with their rules
 * (future_timestamp, duplicate_row); nulled reporter identifiers carry the notes the truth lists;
 * orphan grids and out-of-order flows are where the truth says.
 */
class GridStagingPropertyIT {

    private static final int YEAR = 2023;
    /** The database holds what the vendor held on 1 January of the next year: extract then. */
    private static final LocalDateTime AS_OF = LocalDate.of(YEAR + 1, 1, 1).atStartOfDay();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** What the truth notes → the column staging nulls for it. */
    private static final Map<String, String> NULLED =
            Map.of("invalid_id_number", "reporter_id_no", "malformed_phone", "reporter_phone");

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32})
    void stagingMatchesTheGroundTruth(long seed) throws Exception {
        SimulationSpec spec =
                new SimulationSpec(DivisionCode.parse("370103"), YEAR, seed, 1, 8, 0, Mess.level(Mess.Level.HEAVY));
        SimulationResult sample = SourceSimulator.generate(spec, dir.resolve("sources"));
        HomeLayout layout = new HomeLayout(dir.resolve("home"));
        JdbcDataSource repository = new JdbcDataSource();
        repository.setURL("jdbc:h2:file:" + dir.resolve("jobs"));
        repository.setUser("sa");
        Clock atAsOf =
                Clock.fixed(AS_OF.atZone(GridSystemLanding.VENDOR_ZONE).toInstant(), GridSystemLanding.VENDOR_ZONE);
        GridSource source = new GridSource(sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword());
        GridSystemLanding.Landing landing =
                new GridSystemLanding(spark, layout, new GridWatermarks(repository), atAsOf).land(source, "run1");
        Quarantine quarantine = new Quarantine(layout.quarantine("run1"), "run1");
        List<SourceAccount> accounts = new GridStaging(spark)
                .stage(
                        layout.landingTables("run1"),
                        layout.staging("run1"),
                        quarantine,
                        landing.extract().startedAt());

        Path truth = sample.groundTruthFolder();
        Map<String, CSVRecord> events = GroundTruthCsv.read(truth.resolve("grid-events.csv")).stream()
                .collect(Collectors.toMap(e -> e.get("event_id"), Function.identity()));
        Map<String, String> flowRejects = new HashMap<>();
        for (CSVRecord r : GroundTruthCsv.read(truth.resolve("grid-flow-rejects.csv"))) {
            flowRejects.put(r.get("event_id") + "/" + r.get("seq"), r.get("rule"));
        }
        Map<String, String> eventRejects = new HashMap<>();
        events.forEach((id, e) -> {
            if (e.get("outcome").equals("quarantined")) {
                eventRejects.put(id, e.get("rule"));
            }
        });
        assertThat(eventRejects).as("the sample holds future-dated events").isNotEmpty();
        assertThat(flowRejects).as("the sample holds duplicated flow steps").isNotEmpty();
        assertThat(events.values().stream()
                        .flatMap(e -> Stream.of(e.get("notes").split(";")))
                        .collect(Collectors.toSet()))
                .as("every kind of event mess occurs")
                .contains(
                        "invalid_id_number", "malformed_phone", "orphan_grid", "flow_out_of_order", "flow_duplicated");

        Map<String, Long> inDatabase = Map.of(
                "grid", count(sample, "SELECT COUNT(*) FROM grid"),
                "event", count(sample, "SELECT COUNT(*) FROM event"),
                "event_flow", count(sample, "SELECT COUNT(*) FROM event_flow"));
        Map<String, Long> meantQuarantined =
                Map.of("grid", 0L, "event", (long) eventRejects.size(), "event_flow", (long) flowRejects.size());
        assertThat(inDatabase.get("event")).as("the truth lists every event").isEqualTo(events.size());
        assertThat(accounts)
                .extracting(SourceAccount::location)
                .as("an account per table")
                .containsExactlyInAnyOrderElementsOf(GridStaging.TABLES);
        for (SourceAccount account : accounts) {
            String table = account.location();
            assertThat(account.rowsRead())
                    .as("%s: rows read = staged + quarantined = the rows the database holds", table)
                    .isEqualTo(account.rowsStaged() + account.rowsQuarantined())
                    .isEqualTo(inDatabase.get(table));
            assertThat(account.rowsQuarantined())
                    .as("%s: quarantined as the truth says", table)
                    .isEqualTo(meantQuarantined.get(table));
        }

        assertThat(quarantined(quarantine, "event"))
                .as("future-dated events, with their rule, and nothing else")
                .isEqualTo(eventRejects);
        assertThat(quarantined(quarantine, "event_flow"))
                .as("duplicated flow steps, with their rule, and nothing else")
                .isEqualTo(flowRejects);
        assertThat(quarantined(quarantine, "grid")).as("no grid is rejected").isEmpty();

        Set<String> stagedGrids = new HashSet<>();
        for (Row g : staged(layout, "grid")) {
            stagedGrids.add(g.getAs("grid_code"));
        }
        Set<String> stagedIds = new HashSet<>();
        for (Row row : staged(layout, "event")) {
            String id = row.getAs("event_id");
            stagedIds.add(id);
            CSVRecord e = events.get(id);
            assertThat(e).as("%s is in the truth", id).isNotNull();
            assertThat(List.of(
                            row.getAs("grid_code"),
                            row.getAs("category_code"),
                            row.getAs("channel"),
                            row.getAs("status"),
                            TIME.format((LocalDateTime) row.getAs("reported_at"))))
                    .as("%s values", id)
                    .isEqualTo(List.of(
                            e.get("grid_code"),
                            e.get("category_code"),
                            e.get("channel"),
                            e.get("status"),
                            e.get("reported_at")));
            Set<String> notes = Set.of(e.get("notes").split(";"));
            Set<String> meantNulled = NULLED.entrySet().stream()
                    .filter(n -> notes.contains(n.getKey()))
                    .map(Map.Entry::getValue)
                    .collect(Collectors.toSet());
            assertThat(notedColumns(row.getAs("null_notes")))
                    .as("%s null notes (truth: %s)", id, e.get("notes"))
                    .isEqualTo(meantNulled);
            for (String column : meantNulled) {
                assertThat((Object) row.getAs(column))
                        .as("%s %s is nulled", id, column)
                        .isNull();
            }
            assertThat(!stagedGrids.contains((String) row.getAs("grid_code")))
                    .as("%s names a grid not there yet", id)
                    .isEqualTo(notes.contains("orphan_grid"));
        }
        Set<String> meantStaged = new HashSet<>(events.keySet());
        meantStaged.removeAll(eventRejects.keySet());
        assertThat(stagedIds).as("staged events = the truth's staged events").isEqualTo(meantStaged);

        assertThat(eventsWithFlowsOutOfOrder(layout))
                .as("staged flows are out of seq order where the truth says")
                .isEqualTo(events.values().stream()
                        .filter(e -> Set.of(e.get("notes").split(";")).contains("flow_out_of_order"))
                        .map(e -> e.get("event_id"))
                        .collect(Collectors.toSet()));
    }

    private static List<Row> staged(HomeLayout layout, String table) {
        return spark.read()
                .parquet(layout.staging("run1").resolve(table).toString())
                .collectAsList();
    }

    /** Quarantined rows of one table: key (event_id, or event_id/seq) → rule. */
    private static Map<String, String> quarantined(Quarantine quarantine, String table) {
        Map<String, String> rules = new HashMap<>();
        for (Row row :
                quarantine.read(spark, Source.GRID_SYSTEM.id() + "_" + table).collectAsList()) {
            assertThat(rules.put(row.getAs("line"), row.getAs("rule")))
                    .as("one reject per row")
                    .isNull();
        }
        return rules;
    }

    /** The columns a {@code null_notes} value names ("reporter_phone: ..."; "; "-separated). */
    private static Set<String> notedColumns(String notes) {
        Set<String> columns = new HashSet<>();
        if (notes != null) {
            for (String note : notes.split("; ")) {
                columns.add(note.substring(0, note.indexOf(':')));
            }
        }
        return columns;
    }

    /** Events whose staged flows, in seq order, go back in time somewhere. */
    private static Set<String> eventsWithFlowsOutOfOrder(HomeLayout layout) {
        Map<String, List<Row>> flows = new HashMap<>();
        for (Row f : staged(layout, "event_flow")) {
            flows.computeIfAbsent(f.getAs("event_id"), k -> new ArrayList<>()).add(f);
        }
        Set<String> outOfOrder = new HashSet<>();
        flows.forEach((id, rows) -> {
            rows.sort((a, b) ->
                    Integer.compare(((Number) a.getAs("seq")).intValue(), ((Number) b.getAs("seq")).intValue()));
            for (int i = 1; i < rows.size(); i++) {
                if (((LocalDateTime) rows.get(i).getAs("acted_at"))
                        .isBefore(rows.get(i - 1).getAs("acted_at"))) {
                    outOfOrder.add(id);
                }
            }
        });
        return outOfOrder;
    }

    private static long count(SimulationResult sample, String sql) throws Exception {
        try (Connection db =
                        DriverManager.getConnection(sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword());
                ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
