package io.shequ.orchestration.cli;

import io.shequ.jobs.check.history.DqReport;
import io.shequ.jobs.check.history.DqReportText;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.jobs.run.RunLedger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints a run's data-quality outcomes: DQDL rule outcomes, anomaly rules with the history they
 * were compared to, and the metrics. Reads only the run folder, so it works while the scheduler
 * holds the job repository, and on a home copied elsewhere.
 */
@Command(
        name = "dq",
        mixinStandardHelpOptions = true,
        description = "Print a run's data-quality outcomes: rule outcomes, anomalies with their history, metrics "
                + "(the same as runs/<id>/dq.html).")
public final class DqCommand implements Callable<Integer> {

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(names = "--run", description = "run id (a folder under <home>/runs); default: the last run")
    String runId;

    private final PrintStream out;
    private final PrintStream err;

    public DqCommand() {
        this(System.out, System.err);
    }

    DqCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Path runs = home.toAbsolutePath().normalize().resolve("runs");
        Optional<Path> run =
                runId == null ? lastRun(runs) : Optional.of(runs.resolve(runId)).filter(Files::isDirectory);
        if (run.isEmpty()) {
            err.println("shequ dq: " + (runId == null ? "no runs in " + runs : "no run " + runId + " in " + runs));
            return runId == null ? ExitCodes.FAILURE : ExitCodes.USAGE;
        }
        out.print(DqReportText.render(DqReport.read(run.get())));
        Path html = run.get().resolve("dq.html");
        if (Files.exists(html)) {
            out.println("\nreport: " + html);
        }
        return ExitCodes.SUCCESS;
    }

    /** Run ids sort by start time, so the last run is the greatest folder name that holds a run. */
    static Optional<Path> lastRun(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(runs)) {
            return folders.filter(f -> new RunLedger(f).exists() || Files.exists(f.resolve("summary.json")))
                    .max(Path::compareTo);
        }
    }
}
