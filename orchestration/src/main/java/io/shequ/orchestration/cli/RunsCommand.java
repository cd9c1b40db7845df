package io.shequ.orchestration.cli;

import io.shequ.orchestration.config.ConfigException;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.RunHistory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description =
                "Lists past runs from the job repository, newest first: run id, job, status, start, duration, rows, exit code.")
public final class RunsCommand implements Callable<Integer> {

    static final class Where {
        @Option(
                names = "--home",
                description = "the Shequ home (its shequ.yml is read if there, else the embedded job repository)")
        Path home;

        @Option(names = "--config", description = "the shequ.yml whose job repository to read")
        Path config;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--limit", defaultValue = "20", description = "how many runs to list (default ${DEFAULT-VALUE})")
    int limit;

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new ConfigException("--limit", "a positive number of runs, got " + limit);
        }
        Path home;
        ShequConfig.JobRepository repository;
        Path config = where.config != null
                ? where.config
                : where.home.resolve("shequ.yml").toFile().isFile() ? where.home.resolve("shequ.yml") : null;
        if (config != null) {
            ShequConfig cfg = ConfigReader.read(config);
            home = cfg.home();
            repository = cfg.jobRepository();
        } else {
            home = where.home.toAbsolutePath().normalize();
            repository = ShequConfig.JobRepository.embedded(home);
        }
        String url = repository.url();
        if (url.startsWith("jdbc:h2:file:")) {
            String file = url.substring("jdbc:h2:file:".length()).split(";")[0];
            if (!Files.exists(Path.of(file + ".mv.db"))) {
                spec.commandLine().getOut().println("no runs yet: no job repository at " + file + ".mv.db");
                return 0;
            }
        }
        List<RunHistory.PastRun> runs;
        try (Connection c = DriverManager.getConnection(url, repository.user(), repository.password())) {
            runs = new RunHistory(home).newest(c, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the job repository at " + url + ": " + e.getMessage(), e);
        }
        print(runs, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return 0;
    }

    static void print(List<RunHistory.PastRun> runs, PrintWriter out) {
        String format = "%-22s %-22s %-10s %-19s %9s %9s %4s%n";
        out.printf(format, "run id", "job", "status", "started", "duration", "rows", "exit");
        for (RunHistory.PastRun run : runs) {
            out.printf(
                    format,
                    run.runId() == null ? "#" + run.executionId() : run.runId(),
                    run.job(),
                    run.status(),
                    run.started() == null ? "-" : START.format(run.started()),
                    duration(run.duration()),
                    run.rows() == null ? "-" : run.rows().toString(),
                    run.exitCode() == null ? "-" : run.exitCode().toString());
        }
        if (runs.isEmpty()) {
            out.println("(no runs yet)");
        }
    }

    static String duration(Duration d) {
        if (d == null) {
            return "running?";
        }
        long s = d.toSeconds();
        return s >= 3600
                ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60
                        ? String.format("%dm%02ds", s / 60, s % 60)
                        : String.format("%d.%01ds", s, d.toMillisPart() / 100);
    }
}
