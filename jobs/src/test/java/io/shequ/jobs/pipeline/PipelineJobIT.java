package io.shequ.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.publish.WarehousePort;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunIds;
import io.shequ.jobs.settings.GridSource;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.settings.SourceSettings;
import io.shequ.jobs.settings.SparkSettings;
import io.shequ.jobs.spark.SparkSessionFactory;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import io.shequ.schemas.quality.InputQuality;
import io.shequ.simulator.GroundTruthCsv;
import io.shequ.simulator.Mess;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The job where it lives: {@link PipelineJobConfiguration} run by Spring Batch on the simulator's tiny
 * sample (one month of one district, clean), with a JDBC job repository on H2 and Spark in this JVM.
 * Each step's counts are held to what the sources hold, counted here without the pipeline's code:
 * files on disk, rows of the grid database, the simulator's own tally. The warehouse is outside this
 * module; the port here reads back every lake table the run committed and fails its first publish, so
 * that the restart is seen to resume at the failed step and not redo the steps before it.
 */
class PipelineJobIT {

    private static final String DISTRICT = "370103";

    @TempDir
    static Path root;

    private static SimulationResult sample;
    private static SparkSession spark;
    private static AnnotationConfigApplicationContext context;
    private static LakeReadingWarehouse warehouse;

    @BeforeAll
    static void start() throws Exception {
        sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse(DISTRICT), 2023, 11)
                        .withMonths(1)
                        .withEventsPerCommunity(2)
                        .withContracts(4)
                        .withMess(Mess.none()),
                root.resolve("sources"));
        Path home = root.resolve("home");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        PipelineSettings settings = new PipelineSettings(
                home,
                List.of(DivisionCode.parse(DISTRICT)),
                new SourceSettings(
                        sample.streetOfficeFolder(),
                        sample.procurementFolder(),
                        new GridSource(sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword(), null),
                        false),
                new SparkSettings("local[2]", 2, Map.of("spark.ui.enabled", "false")),
                key,
                null,
                null,
                null);
        new HomeLayout(home).createOwnerOnly();
        JdbcDataSource repository = new JdbcDataSource();
        repository.setURL("jdbc:h2:file:" + home.resolve("state/jobs") + ";TRACE_LEVEL_FILE=4");
        repository.setUser("sa");
        try (Connection c = repository.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("org/springframework/batch/core/schema-h2.sql"));
        }
        spark = SparkSessionFactory.create(settings);
        warehouse = new LakeReadingWarehouse(spark);
        context = new AnnotationConfigApplicationContext();
        context.registerBean("jobRepositoryDataSource", DataSource.class, () -> repository);
        context.registerBean(
                "transactionManager",
                DataSourceTransactionManager.class,
                () -> new DataSourceTransactionManager(repository));
        context.registerBean(PipelineSettings.class, () -> settings);
        context.registerBean(SparkSession.class, () -> spark);
        context.registerBean(WarehousePort.class, () -> warehouse);
        context.register(PipelineJobConfiguration.class);
        context.refresh();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void theJobCountsEveryStepsRowsFailsAtAPlannedPublishFailureAndItsRestartResumesThere() throws Exception {
        JobOperator operator = context.getBean(JobOperator.class);
        Job job = context.getBean(PipelineJobConfiguration.JOB_NAME, Job.class);
        JobParameters parameters =
                new JobParametersBuilder().addString(RunIds.PARAMETER, "r1").toJobParameters();

        JobExecution failed = operator.start(job, parameters);

        assertThat(failed.getStatus())
                .as("the planned publish failure fails the job")
                .isEqualTo(BatchStatus.FAILED);
        Map<String, StepExecution> first = steps(failed);
        assertThat(first.keySet())
                .as("the steps up to the failed one ran, in order")
                .containsExactly("extract", "stage", "check", "conform", "lake", "publish");
        assertThat(first.get("publish").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(first.get("publish").getFailureExceptions())
                .singleElement()
                .satisfies(e -> assertThat(e).hasMessageContaining("planned failure"));

        long reportFiles = files(sample.streetOfficeFolder());
        long ledgerFiles = files(sample.procurementFolder());
        long grids = count("grid");
        long events = count("event");
        long flows = count("event_flow");
        long ledgerRows = sample.contracts();
        assertThat(first.get("extract").getWriteCount())
                .as("landed: every report file, every ledger and the grid system's three tables")
                .isEqualTo(reportFiles + ledgerFiles + 3);
        assertThat(reportFiles).as("the simulator's tally of report files").isEqualTo(sample.reportFiles());
        assertThat(first.get("stage").getWriteCount())
                .as("staged: every community row, ledger row, grid, event and flow (the sample is clean)")
                .isEqualTo(sample.reportRows() + ledgerRows + grids + events + flows);
        assertThat(first.get("stage").getFilterCount())
                .as("nothing quarantined")
                .isZero();
        assertThat(first.get("check").getFilterCount())
                .as("no rule quarantined a row")
                .isZero();
        assertThat(first.get("lake").getFilterCount())
                .as("no lake table failed its rules")
                .isZero();

        LakeSnapshot lake = warehouse.lastOffered();
        Map<String, Long> written = warehouse.rowsRead();
        for (LakeTable table : lake.tables()) {
            assertThat(written.get(table.name()))
                    .as("%s: the rows the snapshot records are in its data files", table.name())
                    .isEqualTo(table.rowCount());
        }
        assertThat(first.get("lake").getWriteCount())
                .as("the lake step's count is the rows of the tables it committed")
                .isEqualTo(lake.tables().stream().mapToLong(LakeTable::rowCount).sum());
        assertThat(written.get("fct_community_reports"))
                .as("one fact per community row")
                .isEqualTo(sample.reportRows());
        assertThat(written.get("fct_grid_events")).as("one fact per event").isEqualTo(events);
        assertThat(written.get("fct_service_contracts"))
                .as("one fact per staged, current contract and division it serves (the ground truth)")
                .isEqualTo(servedParts());

        JobExecution restarted = operator.start(job, parameters);

        assertThat(restarted.getStatus()).as("the restart completes the run").isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).as("the same run").isEqualTo(failed.getJobInstanceId());
        Map<String, StepExecution> second = steps(restarted);
        assertThat(second.keySet())
                .as("the completed steps are not redone: the restart begins at the failed publish")
                .containsExactly("publish", "indicators");
        assertThat(second.get("indicators").getWriteCount())
                .as("the indicators the warehouse offered, one per lake table here")
                .isEqualTo(lake.tables().size());
        assertThat(warehouse.publishes())
                .as("publish was asked twice, once per execution")
                .isEqualTo(2);
        assertThat(root.resolve("home/runs/r1/summary.json"))
                .as("the run summary")
                .exists();
    }

    private static Map<String, StepExecution> steps(JobExecution execution) {
        Map<String, StepExecution> steps = new LinkedHashMap<>();
        execution.getStepExecutions().stream()
                .sorted((a, b) -> Long.compare(a.getId(), b.getId()))
                .forEach(s -> steps.put(s.getStepName(), s));
        return steps;
    }

    private static long files(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** From the simulator's ground truth: each staged contract not superseded, once per division it serves. */
    private static long servedParts() throws Exception {
        long parts = 0;
        for (CSVRecord row : GroundTruthCsv.read(sample.groundTruthFolder().resolve("contracts.csv"))) {
            if (row.get("outcome").equals("staged") && row.get("superseded_by").isEmpty()) {
                parts += row.get("served_codes").split(";").length;
            }
        }
        return parts;
    }

    private static long count(String table) throws SQLException {
        try (Connection c =
                        DriverManager.getConnection(sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The warehouse port as this module sees it: it reads back every table of the lake snapshot it is
     * offered (the Parquet data files the snapshot names) and fails its first publish, as a full disk
     * would.
     */
    static final class LakeReadingWarehouse implements WarehousePort {

        private final SparkSession spark;
        private final Map<String, Long> rowsRead = new LinkedHashMap<>();
        private LakeSnapshot lastOffered;
        private int publishes;

        LakeReadingWarehouse(SparkSession spark) {
            this.spark = spark;
        }

        @Override
        public Publication publish(String runId, LakeSnapshot lake, InputQuality quality) {
            publishes++;
            lastOffered = lake;
            rowsRead.clear();
            for (LakeTable table : lake.tables()) {
                rowsRead.put(
                        table.name(),
                        table.dataFiles().isEmpty()
                                ? 0L
                                : spark.read()
                                        .parquet(table.dataFiles().toArray(String[]::new))
                                        .count());
            }
            if (publishes == 1) {
                throw new IllegalStateException("planned failure: the warehouse disk is full");
            }
            return new Publication(Path.of(runId + ".duckdb"), List.of(), true);
        }

        @Override
        public List<Map<String, Object>> indicators() {
            List<Map<String, Object>> rows = new ArrayList<>();
            rowsRead.forEach((table, count) -> rows.add(Map.of("table", table, "rows", count)));
            return rows;
        }

        LakeSnapshot lastOffered() {
            return lastOffered;
        }

        Map<String, Long> rowsRead() {
            return Map.copyOf(rowsRead);
        }

        int publishes() {
            return publishes;
        }
    }
}
