package io.shequ.orchestration.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.jobs.extract.GridSystemLanding;
import io.shequ.orchestration.bench.BenchReport;
import io.shequ.orchestration.bench.Machine;
import io.shequ.orchestration.bench.PeakMemory;
import io.shequ.orchestration.bench.PlainWarehouseBuild;
import io.shequ.orchestration.bench.RunFigures;
import io.shequ.orchestration.bench.SqlFloor;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.PseudonymKeys;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.simulator.GridDayAppender;
import io.shequ.simulator.SourceSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shequ bench}: a benchmark anyone can rerun. Generates a city sample when missing, runs the
 * pipeline cold in a fresh home, then in the same process the DuckDB floor over the same landed and
 * staged data and a plain DuckDB build of the published tables (the same lake tables and models, no
 * tests, comments or audits); then a rerun with no new data
 * and one with a day of new grid events. Prints the figures, and appends them as Markdown on request.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmark a city sample: a cold pipeline run in a fresh home, step by step, against a DuckDB floor "
                    + "over the same data and a plain DuckDB build of the same tables from the same lake files; then a rerun with no new data and "
                    + "one with a day of new grid events.",
            "Exits with the cold run's exit code."
        })
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--city", required = true, paramLabel = "CODE", description = "4-digit NBS city code, e.g. 3701")
    String city;

    @Option(
            names = "--scale",
            defaultValue = "1",
            paramLabel = "S",
            description = "the sample's scale (default: ${DEFAULT-VALUE})")
    BigDecimal scale;

    @Option(
            names = "--seed",
            defaultValue = "11",
            paramLabel = "N",
            description = "the sample's seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--year",
            defaultValue = "2023",
            paramLabel = "YYYY",
            description = "the sample's year (default: ${DEFAULT-VALUE})")
    int year;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "the sample's folder, generated there when it holds none (default: bench-data/<city>-<scale>-<seed>)")
    Path data;

    @Option(
            names = "--homes",
            defaultValue = "bench-homes",
            paramLabel = "DIR",
            description = "where each benchmark's fresh home is made (default: ${DEFAULT-VALUE})")
    Path homes;

    @Option(
            names = "--markdown",
            paramLabel = "FILE",
            description = "append the results as a Markdown block to FILE (e.g. BENCHMARKS.md)")
    Path markdown;

    @Option(
            names = "--spark-master",
            paramLabel = "URL",
            description = "run on this Spark master instead of the configured local[*], e.g. local-cluster[2,1,4096] "
                    + "(executors in other JVMs; needs SPARK_HOME and SPARK_SCALA_VERSION, see docs/cluster.md)")
    String sparkMaster;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "a further spark.* setting (repeatable)")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = "--no-increments", description = "skip the rerun with no new data and the one with a day more")
    boolean noIncrements;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DivisionCode cityCode = cityCode();
        String label = city + "-" + scale.stripTrailingZeros().toPlainString() + "-" + seed;
        Path sample = (data != null ? data : Path.of("bench-data", label))
                .toAbsolutePath()
                .normalize();
        if (!BenchHome.hasSample(sample)) {
            int generated = new CommandLine(new GenerateCommand())
                    .execute(
                            "--city",
                            city,
                            "--year",
                            Integer.toString(year),
                            "--scale",
                            scale.toPlainString(),
                            "--seed",
                            Long.toString(seed),
                            "--out",
                            sample.toString());
            if (generated != 0) {
                return generated;
            }
        }
        Path home = homes.toAbsolutePath()
                .normalize()
                .resolve(label + "-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(LocalDateTime.now(ZoneOffset.UTC)));
        String gridUrl = BenchHome.create(
                home, sample, SourceSimulator.districtsOf(cityCode), BenchHome.period(cityCode, year, seed));
        System.out.println("benchmark home " + home + " (sources " + sample + ")");
        ShequConfig config = ConfigReader.read(home.resolve("shequ.yml"));
        if (sparkMaster != null) {
            config = config.withSpark(sparkMaster, sparkConf);
        } else if (!sparkConf.isEmpty()) {
            config = config.withSpark(config.spark().master(), sparkConf);
        }
        BenchReport report;
        try (PipelineRuntime runtime = new PipelineRuntime(config)) {
            RunFigures cold = timedRun(runtime, "cold run");
            long peak = PeakMemory.now().orElse(-1);
            Path current = home.resolve("warehouse").resolve("current.duckdb");
            long snapshotBytes = Files.exists(current) ? Files.size(current) : -1;
            Path runFolder = home.resolve("runs").resolve(cold.runId());
            SqlFloor.Result floor = floor(home, runFolder, cold.runId(), config);
            PlainWarehouseBuild.Result plain = plainBuild(home, runFolder);
            RunFigures unchanged = null;
            RunFigures oneMoreDay = null;
            int dayEvents = 0;
            if (!noIncrements && cold.exitCode() == 0) {
                unchanged = timedRun(runtime, "rerun, no new data");
                GridDayAppender.Added added = GridDayAppender.appendDay(
                        gridUrl,
                        SourceSimulator.gridUser(),
                        config.sources().grid().password(),
                        LocalDate.of(year, 12, 31),
                        LocalDateTime.now(GridSystemLanding.VENDOR_ZONE));
                dayEvents = added.events();
                System.out.printf(
                        "added a day to the grid system: %,d events, %,d flow rows%n", added.events(), added.flows());
                oneMoreDay = timedRun(runtime, "rerun, one more day");
            }
            report = new BenchReport(
                    sampleLine(sample, config.spark().master()),
                    Machine.current(),
                    cold,
                    peak,
                    snapshotBytes,
                    floor,
                    plain,
                    unchanged,
                    oneMoreDay,
                    dayEvents);
            System.out.println();
            System.out.print(report.table());
            if (markdown != null) {
                Files.writeString(
                        markdown,
                        "\n" + report.markdown(LocalDate.now()),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                System.out.println("appended to " + markdown);
            }
            return cold.exitCode();
        }
    }

    private RunFigures timedRun(PipelineRuntime runtime, String what) throws Exception {
        System.out.println(what + " …");
        long start = System.nanoTime();
        PipelineRuntime.Outcome outcome = runtime.runOnce();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        RunOutcomePrinter.print(outcome, System.out);
        return RunFigures.read(outcome.summary(), outcome.exitCode(), wall);
    }

    /** The floor over the run's landed and staged data; null (with the reason printed) when they are not there. */
    private static SqlFloor.Result floor(Path home, Path runFolder, String runId, ShequConfig config) {
        Path snapshot = runFolder.resolve("lake-snapshot.json");
        try {
            if (!Files.exists(snapshot)) {
                System.out.println(
                        "DuckDB floor: skipped, the run committed no lake snapshot (its division list is the reference)");
                return null;
            }
            SqlFloor.Inputs inputs = new SqlFloor.Inputs(
                    home.resolve("landing").resolve("tables").resolve(runId),
                    home.resolve("staging").resolve(runId),
                    PlainWarehouseBuild.dataFiles(snapshot, "dim_division"),
                    extractStartedAt(runFolder.resolve("summary.json")),
                    PseudonymKeys.load(config.pseudonymKey()),
                    home.resolve("bench").resolve("floor"));
            return SqlFloor.run(inputs);
        } catch (Exception e) {
            System.out.println("DuckDB floor failed: " + e.getMessage());
            return null;
        }
    }

    private static PlainWarehouseBuild.Result plainBuild(Path home, Path runFolder) {
        Path snapshot = runFolder.resolve("lake-snapshot.json");
        if (!Files.exists(snapshot)) {
            System.out.println("plain build: skipped, the run committed no lake snapshot");
            return null;
        }
        try {
            return PlainWarehouseBuild.build(snapshot, home.resolve("bench").resolve("plain.duckdb"));
        } catch (Exception e) {
            System.out.println("plain build failed: " + e.getMessage());
            return null;
        }
    }

    /** When the run began extracting (vendor wall-clock): the floor treats later stamps as clock errors, as staging does. */
    private static LocalDateTime extractStartedAt(Path summary) throws IOException {
        String started = new ObjectMapper()
                .readTree(summary.toFile())
                .path("grid_extract")
                .path("startedAt")
                .asText("");
        return started.isEmpty() ? LocalDateTime.now(GridSystemLanding.VENDOR_ZONE) : LocalDateTime.parse(started);
    }

    private String sampleLine(Path sample, String master) {
        return "city " + city + ", scale " + scale.stripTrailingZeros().toPlainString() + ", seed " + seed + ", year "
                + year
                + " (" + sample.getFileName() + ")"
                + (sparkMaster == null ? "" : ", Spark " + master + " (peak memory: the driver's alone)");
    }

    private DivisionCode cityCode() {
        if (city == null || !city.strip().matches("\\d{4}")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--city needs a 4-digit NBS city code, got '" + city + "'");
        }
        DivisionCode code = DivisionCode.parse(city.strip());
        if (code.level() != DivisionLevel.CITY) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--city needs a city code, got " + city);
        }
        return code;
    }
}
