package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.simulator.SimulationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline with its Spark executors in other JVMs: {@code local-cluster[2,1,1024]} starts two
 * executor processes on this machine, which share nothing with the driver but the file system
 * (standing in for a cluster's shared storage) and what Spark sends them. The same tiny sample,
 * with the same pseudonymization key, is run once on {@code local[*]} and once on the cluster;
 * every published table must hold the same rows ({@link PublishedTables} names the run-specific
 * columns left out), at least two executor JVMs other than the driver must have run tasks, and
 * the key must be in no log the driver or the executors wrote.
 *
 * <p>No Spark distribution is needed: Spark's launcher wants {@code SPARK_HOME} with a
 * {@code jars/} folder (empty here) and {@code SPARK_SCALA_VERSION}, both in the driver's
 * environment; the executors run the driver's class path (the factory's default for local-cluster).
 */
class ClusterPipelineIT {

    private static final String CLUSTER = "local-cluster[2,1,1024]";

    /** The executors log each task they finish, so the test can tell that they, not the driver, ran tasks. */
    private static final String EXECUTOR_LOGGING = """
            rootLogger.level = warn
            rootLogger.appenderRef.console.ref = console
            appender.console.type = Console
            appender.console.name = console
            appender.console.target = SYSTEM_ERR
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{HH:mm:ss} %-5p %c{1} - %m%n
            logger.executor.name = org.apache.spark.executor.Executor
            logger.executor.level = info
            """;

    @Test
    void theWarehouseBuiltByExecutorsInOtherJvmsEqualsTheLocalOne() throws Exception {
        // kept after the test for a look: both homes, the children's logs, the executors' work folders
        Path root = ShequProcess.cleanFolder(Path.of("target", "cluster-pipeline-it"));
        // one sample each, the same seed: the grid system's H2 file admits one process at a time
        SimulationResult sample = TinySample.cleanIn(root.resolve("sample-local"));
        SimulationResult sameSample = TinySample.cleanIn(root.resolve("sample-cluster"));
        Path localHome = Files.createDirectories(root.resolve("local"));
        Path clusterHome = Files.createDirectories(root.resolve("cluster"));
        Path localConfig = config(localHome, sample);
        Files.createDirectories(clusterHome.resolve("secrets"));
        Files.copy(localHome.resolve("secrets/pseudonym.key"), clusterHome.resolve("secrets/pseudonym.key"));
        Path clusterConfig = config(clusterHome, sameSample);
        Files.writeString(
                clusterConfig,
                Files.readString(clusterConfig)
                        .replace(
                                "master: \"local[*]\"",
                                "master: \"" + CLUSTER
                                        + "\"\n  conf:\n    spark.executor.memory: 1g\n    spark.executor.extraJavaOptions: \"-XX:TieredStopAtLevel=1"
                                        + " -XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false"
                                        + " -Dlog4j2.configurationFile=" + root.resolve("executor-log4j2.properties")
                                        + "\""));

        Path sparkHome = Files.createDirectories(root.resolve("spark-home").resolve("jars"))
                .getParent();
        Files.writeString(root.resolve("executor-log4j2.properties"), EXECUTOR_LOGGING);
        Path logs = Files.createDirectories(root.resolve("logs"));
        // the two runs share nothing but the machine: side by side, one's waits (JVM and executor
        // start, commits) overlap the other's work
        ShequProcess.Child local = new ShequProcess(Files.createDirectories(logs.resolve("local")))
                .launch("run", "--config", localConfig.toString());
        ShequProcess cluster = new ShequProcess(
                Files.createDirectories(logs.resolve("cluster")),
                Map.of(
                        "SPARK_HOME",
                        sparkHome.toString(),
                        "SPARK_SCALA_VERSION",
                        "2.12",
                        "SPARK_LOCAL_IP",
                        "127.0.0.1"));
        ShequProcess.Child driver = cluster.launch("run", "--config", clusterConfig.toString());
        Set<Long> executors = new TreeSet<>();
        while (driver.process().isAlive()) {
            driver.process().descendants().filter(ClusterPipelineIT::isExecutor).forEach(p -> executors.add(p.pid()));
            Thread.sleep(250);
        }
        assertThat(driver.exitCode())
                .as("the run on %s succeeds; see %s", CLUSTER, driver.log())
                .isZero();
        assertThat(local.exitCode())
                .as("the local[*] run succeeds; see %s", local.log())
                .isZero();
        assertThat(executors)
                .as("executor JVMs started by the driver, each a process of its own")
                .hasSizeGreaterThanOrEqualTo(2)
                .doesNotContain(driver.process().pid());
        assertThat(executorsThatRanTasks(sparkHome))
                .as("executors whose log shows tasks they finished")
                .isGreaterThanOrEqualTo(2);

        String key =
                Files.readString(localHome.resolve("secrets/pseudonym.key")).strip();
        for (Path log : logFiles(logs, sparkHome)) {
            assertThat(Files.readString(log))
                    .as("the pseudonymization key in %s", log)
                    .doesNotContain(key);
        }

        Map<String, List<String>> onLocal = PublishedTables.rows(localHome.resolve("warehouse/current.duckdb"));
        Map<String, List<String>> onCluster = PublishedTables.rows(clusterHome.resolve("warehouse/current.duckdb"));
        assertThat(onCluster.keySet()).as("the published tables").isEqualTo(onLocal.keySet());
        assertThat(onLocal.get("fct_grid_events"))
                .as("grid events were published")
                .isNotEmpty();
        for (String table : onLocal.keySet()) {
            assertThat(onCluster.get(table))
                    .as("table %s built on the cluster as on local[*]", table)
                    .containsExactlyElementsOf(onLocal.get(table));
        }
    }

    /** An executor's command line is longer than {@link ProcessHandle.Info} reports: read it whole from /proc. */
    private static boolean isExecutor(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                    .contains("CoarseGrainedExecutorBackend");
        } catch (IOException e) {
            return false; // it ended meanwhile
        }
    }

    private static Path config(Path home, SimulationResult sample) throws Exception {
        return DemoCommand.writeConfig(
                home,
                "ClusterPipelineIT",
                List.of(TinySample.DISTRICT),
                sample.streetOfficeFolder(),
                sample.procurementFolder(),
                sample.gridJdbcUrl(),
                sample.gridUser(),
                sample.gridPassword());
    }

    /** Executor folders under the worker's {@code work/<app>/<executor>/} whose stderr shows a finished task. */
    private static long executorsThatRanTasks(Path sparkHome) throws Exception {
        try (Stream<Path> walk = Files.walk(sparkHome.resolve("work"))) {
            return walk.filter(p -> p.getFileName().toString().equals("stderr"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("Finished task");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .count();
        }
    }

    private static List<Path> logFiles(Path logs, Path sparkHome) throws Exception {
        try (Stream<Path> driver = Files.walk(logs);
                Stream<Path> executors = Files.walk(sparkHome)) {
            return Stream.concat(driver, executors).filter(Files::isRegularFile).toList();
        }
    }
}
