package io.shequ.orchestration.cli;

import io.shequ.jobs.partition.Freshness;
import io.shequ.jobs.partition.Partition;
import io.shequ.jobs.partition.PartitionLedger;
import io.shequ.jobs.stage.RunFindings;
import io.shequ.jobs.stage.SourceFinding;
import io.shequ.jobs.value.RunValues;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.partition.ConfiguredSources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The partition ledger at a glance: per source the partitions by status, then the failed, late and missing ones as of
 * now; the last staging run's findings and the last run's value accounting.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Partitions by source and status; failed, quarantined, late and missing partitions as of now.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "the shequ.yml")
    Path config;

    @Override
    public Integer call() {
        ShequConfig shequ = ConfigReader.read(config);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                shequ.jobRepository().url(),
                shequ.jobRepository().user(),
                shequ.jobRepository().password());
        List<Partition> ledger = new PartitionLedger(dataSource).all();
        Freshness.Report report =
                new Freshness(shequ.freshness()).asOf(Instant.now(), ledger, ConfiguredSources.of(shequ));
        print(ledger, report, System.out);
        printFindings(shequ.home().resolve("runs"), System.out);
        RunValues.latest(shequ.home().resolve("runs"))
                .ifPresent(run -> RunValues.lines(run).forEach(System.out::println));
        return 0;
    }

    static void print(List<Partition> ledger, Freshness.Report report, PrintStream out) {
        Map<String, Map<String, Long>> counts = ledger.stream()
                .collect(Collectors.groupingBy(
                        Partition::source,
                        TreeMap::new,
                        Collectors.groupingBy(Partition::status, TreeMap::new, Collectors.counting())));
        out.println("partitions by source and status:");
        counts.forEach((source, byStatus) -> out.println("  " + source + "  " + byStatus));
        ledger.stream()
                .filter(Partition::needsRetry)
                .forEach(p -> out.println(p.status() + "  " + p.source() + "  " + p.key() + "  run " + p.runId() + "  "
                        + p.locations() + (p.note() == null ? "" : "  " + p.note())));
        report.late()
                .forEach(f -> out.println(
                        "late  " + f.source() + "  " + f.key() + "  due " + f.due() + "  arrived " + f.arrivedAt()));
        report.missing().forEach(f -> out.println("missing  " + f.source() + "  " + f.key() + "  due " + f.due()));
        out.println(report.late().size() + " late, " + report.missing().size() + " missing");
    }

    /** The last staging run's findings: headers read as variants or not read at all, schema drift, unmapped values. */
    static void printFindings(Path runs, PrintStream out) {
        RunFindings.latestStaged(runs).ifPresent(run -> {
            List<SourceFinding> findings = RunFindings.read(run);
            long warnings = findings.stream().filter(f -> !f.isNote()).count();
            out.println("source findings of run " + run.getFileName() + ": " + warnings + " warning(s), "
                    + (findings.size() - warnings) + " note(s)");
            RunFindings.lines(findings).forEach(out::println);
        });
    }
}
