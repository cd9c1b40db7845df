package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.jobs.extract.GridExtract;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.LakeCatalog;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.testing.PostgresServer;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.fault.PausePoint;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import io.shequ.warehouse.WarehouseContent;
import io.shequ.warehouse.WarehousePublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery on real processes: one run of the pipeline is killed with kill -9 in a child JVM
 * at five points (staging half done, between the lake tables' commits, between the grid state's
 * and the watermarks' commits, inside the DuckDB build, right after the switch of
 * {@code current.duckdb}), each time started again by a new child ({@code run}, then
 * {@code restart}), until a restart completes it. Its published warehouse must hold, table by
 * table and row by row, what an uninterrupted run on the same sources publishes.
 *
 * <p>The crashed home keeps its job repository and its Iceberg catalog in PostgreSQL, as
 * production does; the uninterrupted run keeps them in the embedded H2 files, so the comparison
 * also holds the two databases to the same warehouse. PostgreSQL's commits are durable, so the
 * job repository must tell the whole story: one execution failed per kill, naming the killed
 * process, and one completed.
 */
class CrashRecoveryIT {

    private static final String DISTRICT = "370103";

    @TempDir
    Path root;

    @Test
    void aRunKilledAtEachPointAndRestartedPublishesTheWarehouseOfAnUninterruptedRun() throws Exception {
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse(DISTRICT), 2023, 11)
                        .withMonths(1)
                        .withEventsPerCommunity(2)
                        .withContracts(4),
                root.resolve("sources"));
        try (PostgresServer postgres = PostgresServer.start()) {
            killedAtEachPointAndRestarted(sample, postgres);
        }
    }

    private void killedAtEachPointAndRestarted(SimulationResult sample, PostgresServer postgres) throws Exception {
        Path baseline = home("baseline", sample);
        Path crashed = home("crashed", sample);
        Files.copy(
                baseline.resolve("secrets/pseudonym.key"),
                crashed.resolve("secrets/pseudonym.key"),
                StandardCopyOption.REPLACE_EXISTING);
        String repository = postgres.moveHome(crashed.resolve("shequ.yml"), "crashed");
        assertThat(ConfigReader.read(crashed.resolve("shequ.yml"))
                        .jobRepository()
                        .url())
                .isEqualTo(repository);
        ShequProcess shequ = new ShequProcess(ShequProcess.cleanFolder(Path.of("target", "crash-recovery-it")));
        List<Long> killed = new ArrayList<>();

        assertThat(watchedRun(shequ, baseline)).as("the uninterrupted run").isZero();
        assertRefusesEmptyPassword(baseline);

        killed.add(shequ.killAt(PausePoint.STAGE_MIDWAY, "run", "--config", config(crashed)));
        String runId = onlyRun(crashed);
        // a plain start finds the killed run, marks it failed and resumes it (it pauses again, later on)
        killed.add(shequ.killAt(PausePoint.LAKE_COMMIT, "run", "--config", config(crashed)));
        assertThat(onlyRun(crashed))
                .as("the start resumed the killed run instead of starting another")
                .isEqualTo(runId);
        killed.add(shequ.killAt(PausePoint.GRID_COMMIT, "restart", "--config", config(crashed)));
        assertThat(Files.readString(crashed.resolve("state/grid-mirror/CURRENT"))
                        .strip())
                .as("killed between the grid state's commit and the watermarks'")
                .isEqualTo(runId);
        killed.add(shequ.killAt(PausePoint.PUBLISH_BUILD, "restart", "--config", config(crashed)));
        Path snapshot = crashed.resolve("warehouse/snapshots/" + runId + ".duckdb");
        assertThat(snapshot).as("the kill left a half-built snapshot").exists();
        assertThat(crashed.resolve("warehouse/current.duckdb"))
                .as("nothing published yet")
                .doesNotExist();
        killed.add(shequ.killAt(PausePoint.PUBLISH_AFTER_SWITCH, "restart", "--config", config(crashed), runId));
        assertThat(new WarehousePublisher(crashed).current())
                .as("killed right after the switch")
                .contains(snapshot.toRealPath());
        assertThat(shequ.run("restart", "--config", config(crashed)))
                .as("the last restart completes the run")
                .isZero();

        assertThat(onlyRun(crashed)).isEqualTo(runId);
        GridExtract extract = GridExtract.LEDGER
                .read(new RunLedger(new HomeLayout(crashed), runId))
                .orElseThrow();
        assertThat(watermarks(crashed))
                .as("the grid watermarks the run proposed, committed by it")
                .isEqualTo(extract.watermarkCandidates().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().truncatedTo(ChronoUnit.MILLIS) + " " + runId)
                        .sorted()
                        .toList());
        assertSameWarehouse(baseline, crashed);
        // one execution per start; PostgreSQL lost none of a killed process's commits, so each kill
        // left exactly one execution running, which the next start failed, naming the dead process
        List<String> executions = executions(crashed);
        assertThat(executions)
                .as("five killed executions and the one that completed")
                .hasSize(killed.size() + 1);
        assertThat(executions.get(executions.size() - 1))
                .as("the last execution completed")
                .startsWith("COMPLETED");
        for (int i = 0; i < killed.size(); i++) {
            assertThat(executions.get(i))
                    .as("execution %d failed by recovery, naming the process killed", i + 1)
                    .startsWith("FAILED ")
                    .contains("the owning process " + killed.get(i) + " on ")
                    .contains("is gone (killed or crashed)");
        }
        assertThat(catalogTables(crashed))
                .as("the lake's tables are in the PostgreSQL catalog")
                .containsAll(catalogTables(baseline))
                .contains("lake.fct_community_reports");
        try (Stream<Path> state = Files.list(crashed.resolve("state"))) {
            assertThat(state.map(p -> p.getFileName().toString()))
                    .as("no embedded H2 database in the crashed home")
                    .noneMatch(name -> name.endsWith(".mv.db"));
        }
    }

    /**
     * The uninterrupted run on the embedded H2 files, watched while it runs: every socket it (and a
     * scheduler started beside it) listens on is on loopback, sampled from /proc all along; the job
     * repository's lock file advertises loopback; {@code shequ runs} and {@code shequ schedule} open
     * the job repository the run holds (H2's AUTO_SERVER, with the home's password).
     */
    private static int watchedRun(ShequProcess shequ, Path home) throws Exception {
        ShequProcess.Child run = shequ.launch("run", "--config", config(home));
        Set<ListeningSockets.Listener> listened = new HashSet<>();
        Set<ListeningSockets.Listener> schedulerListened = new HashSet<>();
        String runsBeside = null;
        ShequProcess.Child scheduler = null;
        String advertised = null;
        while (run.process().isAlive()) {
            listened.addAll(ListeningSockets.of(run.process().pid()));
            if (advertised == null) {
                advertised = lockFileServer(home.resolve("state/jobs.lock.db"));
            }
            if (runsBeside == null && hasARun(home)) {
                scheduler = shequ.launch("schedule", "--config", config(home));
                runsBeside = shequ.output(0, "runs", "--home", home.toString());
                assertThat(run.process().isAlive())
                        .as("the pipeline was still running when `shequ runs` read")
                        .isTrue();
            }
            if (scheduler != null && scheduler.process().isAlive()) {
                schedulerListened.addAll(ListeningSockets.of(scheduler.process().pid()));
            }
            Thread.sleep(250);
        }
        assertThat(runsBeside)
                .as("`shequ runs` beside the running pipeline lists its run, still STARTED")
                .isNotNull()
                .contains("shequPipeline")
                .contains("STARTED");
        assertThat(scheduler.awaitOutput("scheduler running"))
                .as("a scheduler starts beside the running pipeline; " + scheduler.log())
                .isTrue();
        schedulerListened.addAll(ListeningSockets.of(scheduler.process().pid()));
        scheduler.kill();
        assertThat(listened)
                .as("the pipeline listened (H2's AUTO_SERVER, Spark's driver)")
                .isNotEmpty();
        assertThat(ListeningSockets.exposed(listened))
                .as("sockets of the pipeline not on loopback")
                .isEmpty();
        assertThat(ListeningSockets.exposed(schedulerListened))
                .as("sockets of the scheduler not on loopback")
                .isEmpty();
        assertThat(advertised)
                .as("the job repository's lock file advertises its server on loopback")
                .matches("(localhost|127\\.0\\.0\\.1):\\d+");
        int port = Integer.parseInt(advertised.substring(advertised.indexOf(':') + 1));
        assertThat(listened)
                .as("the advertised AUTO_SERVER port is one the pipeline listened on, on loopback")
                .anyMatch(l -> l.port() == port && l.loopback());
        return run.exitCode();
    }

    private static boolean hasARun(Path home) throws Exception {
        if (!Files.isDirectory(home.resolve("runs"))) {
            return false;
        }
        try (Stream<Path> runs = Files.list(home.resolve("runs"))) {
            return runs.findAny().isPresent();
        }
    }

    /** The {@code server} property of an H2 lock file (host:port of its AUTO_SERVER), or null while it has none. */
    private static String lockFileServer(Path lockFile) {
        Properties lock = new Properties();
        try (var in = Files.newInputStream(lockFile)) {
            lock.load(in);
        } catch (Exception absentOrBeingWritten) {
            return null;
        }
        return lock.getProperty("server");
    }

    /** Neither embedded H2 file of the home opens for user sa with an empty password. */
    private static void assertRefusesEmptyPassword(Path home) {
        for (String file : List.of("state/jobs", "state/iceberg")) {
            assertThat(home.resolve(file + ".mv.db")).exists();
            String url = "jdbc:h2:file:" + home.resolve(file) + ";IFEXISTS=TRUE";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                    .as("%s opened with user sa and an empty password", file)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
        }
    }

    /** The tables of the home's Iceberg catalog, as "namespace.table", from its catalog database. */
    private static List<String> catalogTables(Path home) throws Exception {
        LakeCatalog catalog = ConfigReader.read(home.resolve("shequ.yml")).lakeCatalog();
        if (catalog == null) {
            catalog = LakeCatalog.embedded(new HomeLayout(home));
        }
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(catalog.url(), catalog.user(), catalog.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_namespace, table_name FROM iceberg_tables ORDER BY 1, 2")) {
            while (rs.next()) {
                tables.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return tables;
    }

    private Path home(String name, SimulationResult sample) throws Exception {
        Path home = Files.createDirectories(root.resolve(name));
        DemoCommand.writeConfig(home, DISTRICT, sample);
        return home;
    }

    private static String config(Path home) {
        return home.resolve("shequ.yml").toString();
    }

    private static String onlyRun(Path home) throws Exception {
        try (Stream<Path> runs = Files.list(home.resolve("runs"))) {
            List<String> ids = runs.map(p -> p.getFileName().toString()).toList();
            assertThat(ids).as("one run in " + home).hasSize(1);
            return ids.get(0);
        }
    }

    /** Each execution of the pipeline as "STATUS exit message", oldest first. */
    private static List<String> executions(Path home) throws Exception {
        return query(home, "SELECT STATUS, EXIT_MESSAGE FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID");
    }

    /** Each committed watermark as "table watermark run-id", by table. */
    private static List<String> watermarks(Path home) throws Exception {
        return query(
                home,
                "SELECT source_table, watermark, run_id FROM shequ_grid_watermark ORDER BY source_table",
                rs -> rs.getString(1) + " "
                        + rs.getObject(2, LocalDateTime.class).truncatedTo(ChronoUnit.MILLIS) + " " + rs.getString(3));
    }

    private interface RowText {
        String of(ResultSet rs) throws SQLException;
    }

    private static List<String> query(Path home, String sql) throws Exception {
        return query(home, sql, rs -> rs.getString(1) + " " + rs.getString(2));
    }

    private static List<String> query(Path home, String sql, RowText text) throws Exception {
        ShequConfig.JobRepository repository =
                ConfigReader.read(home.resolve("shequ.yml")).jobRepository();
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(repository.url(), repository.user(), repository.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(text.of(rs));
            }
        }
        return rows;
    }

    /**
     * Every table of both published files, rows compared after the values that name the home or
     * the run (paths, run ids) are made neutral; the provenance table {@code meta_snapshot} is
     * left out by {@link WarehouseContent}.
     */
    private static void assertSameWarehouse(Path baseline, Path crashed) throws Exception {
        Map<String, List<List<Object>>> expected = neutral(baseline);
        Map<String, List<List<Object>>> actual = neutral(crashed);
        assertThat(actual.keySet()).as("the same tables").isEqualTo(expected.keySet());
        assertThat(expected.get("fct_community_reports"))
                .as("a warehouse with facts to compare")
                .isNotEmpty();
        for (String table : expected.keySet()) {
            assertThat(actual.get(table))
                    .as("table %s after kills and restarts", table)
                    .containsExactlyElementsOf(expected.get(table));
        }
    }

    private static Map<String, List<List<Object>>> neutral(Path home) throws Exception {
        String runId = onlyRun(home);
        String path = home.toRealPath().toString();
        Map<String, List<List<Object>>> content = new TreeMap<>();
        WarehouseContent.dump(new WarehousePublisher(home).current().orElseThrow())
                .forEach((table, rows) -> content.put(
                        table,
                        rows.stream()
                                .map(row -> row.stream()
                                        .map(v -> v instanceof String s
                                                ? (Object) s.replace(path, "<home>")
                                                        .replace(runId, "<run>")
                                                : v)
                                        .toList())
                                .sorted(Comparator.comparing(Object::toString))
                                .toList()));
        return content;
    }
}
