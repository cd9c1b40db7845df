package io.shequ.orchestration.cli;

import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.PseudonymKeys;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.truth.ResolutionAgainstTruth;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.home.OwnerOnly;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import io.shequ.warehouse.WarehouseReader;
import io.shequ.warehouse.serve.ServeSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Generate a sample of all three sources for one district (small, with the typical mess), run the whole pipeline, publish, print indicators.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(
            names = "--district",
            defaultValue = "370103",
            description = "6-digit NBS district code (default: ${DEFAULT-VALUE}, Jinan Shizhong)")
    String district;

    @Option(names = "--year", defaultValue = "2023", description = "the year of the sample (default: ${DEFAULT-VALUE})")
    int year;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path root = home.toAbsolutePath().normalize();
        DivisionCode code = DivisionCode.parse(district);
        if (code.level() != DivisionLevel.DISTRICT) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--district needs a 6-digit district code");
        }
        OwnerOnly.createDirectories(root);
        System.out.println("generating the sample for " + district + " " + year + " into " + root.resolve("sources"));
        SimulationSpec spec = SimulationSpec.demo(code, year, seed);
        SimulationResult sample = SourceSimulator.generate(spec, root.resolve("sources"));
        Path config = writeConfig(root, district, sample, spec);
        System.out.println("running the pipeline (config " + config + ")");
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome outcome = runtime.runOnce();
            RunOutcomePrinter.print(outcome, System.out);
            scoreResolution(root, outcome, sample, System.out);
            if (outcome.exitCode() != 0) {
                return outcome.exitCode();
            }
        }
        try (WarehouseReader reader = WarehouseReader.open(root)) {
            var values = reader.indicators("district", year);
            values = new ArrayList<>(values);
            values.addAll(reader.indicators("street", year));
            IndicatorTable.printTable(values, System.out);
            System.out.println();
            System.out.println("BI tools: " + reader.jdbcUrl());
            System.out.println("rerun:    ./shequ run --config " + config);
            System.out.println("serve:    ./shequ serve user add NAME --role analyst --home " + root
                    + " && ./shequ serve --home " + root + " --insecure-plaintext   (Flight SQL on 127.0.0.1:"
                    + ServeSettings.DEFAULT_PORT + "; see docs/serving.md)");
        }
        return 0;
    }

    /**
     * Holds the run's resolved names to the sample's ground truth, which only the demo knows (the
     * pipeline never reads it): prints the score and adds it to the run's summary.json as
     * {@code resolution_against_truth}. Nothing when the run committed no lake snapshot.
     */
    public static Optional<ResolutionAgainstTruth> scoreResolution(
            Path root, PipelineRuntime.Outcome outcome, SimulationResult sample, PrintStream out) throws Exception {
        if (!Files.exists(outcome.summary().resolveSibling("lake-snapshot.json"))) {
            return Optional.empty();
        }
        ResolutionAgainstTruth score = ResolutionAgainstTruth.of(root, outcome.runId(), sample);
        score.addTo(outcome.summary());
        out.println(score);
        return Optional.of(score);
    }

    /**
     * Writes the demo home as {@link #writeConfig(Path, String, SimulationResult)} does, and states
     * the freshness windows of the simulated period: the sample stands for {@code spec}'s months,
     * delivered in bulk today, so its partitions are history (not late), and no period after it is
     * expected (not missing); a gap inside the period is still listed as missing.
     */
    public static Path writeConfig(Path root, String district, SimulationResult sample, SimulationSpec spec)
            throws Exception {
        Path config = writeConfig(root, district, sample);
        OwnerOnly.writeString(config, Files.readString(config) + DemoFreshness.of(spec));
        return config;
    }

    /** Writes the demo home: secrets (owner-only) and shequ.yml pointing at the sample. */
    public static Path writeConfig(Path root, String district, SimulationResult sample) throws Exception {
        return writeConfig(
                root,
                "shequ demo",
                List.of(district),
                sample.streetOfficeFolder(),
                sample.procurementFolder(),
                sample.gridJdbcUrl(),
                sample.gridUser(),
                sample.gridPassword());
    }

    /**
     * Writes a home's secrets (owner-only: a new pseudonym key, the grid password) and a shequ.yml
     * reading the given sources for {@code districts}; folders under {@code root} are written
     * relative to it. The demo, the benchmark and the city test share it.
     *
     * @param writtenBy the command named in the file's first comment
     */
    public static Path writeConfig(
            Path root,
            String writtenBy,
            List<String> districts,
            Path streetOffices,
            Path procurement,
            String gridUrl,
            String gridUser,
            String gridPassword)
            throws IOException {
        Path secrets = OwnerOnly.createDirectories(root.resolve("secrets"));
        PseudonymKeys.createIfMissing(secrets.resolve("pseudonym.key"));
        OwnerOnly.writeString(secrets.resolve("grid-password"), gridPassword + "\n");
        Path config = root.resolve("shequ.yml");
        OwnerOnly.writeString(config, """
                # Written by `%s`. Relative paths are relative to this file's folder.
                home: .
                districts: [%s]
                sources:
                  tolerate-unreadable-files: true
                  street-offices: "%s"
                  procurement: "%s"
                  grid-system:
                    url: "%s"
                    user: %s
                    password-file: secrets/grid-password
                spark:
                  master: "local[*]"
                  shuffle-partitions: 4
                schedules:
                  - name: nightly
                    cron: "0 0 2 * * ?"
                pseudonymization:
                  key-file: secrets/pseudonym.key
                warehouse:
                  keep-snapshots: 5
                """.formatted(
                        writtenBy,
                        districts.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(", ")),
                        relative(root, streetOffices),
                        relative(root, procurement),
                        gridUrl,
                        gridUser));
        return config;
    }

    private static Path relative(Path root, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    }
}
