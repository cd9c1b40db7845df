package io.shequ.orchestration.cli;

import io.shequ.orchestration.bench.FlightFetchBench;
import io.shequ.orchestration.bench.Machine;
import io.shequ.schemas.home.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "bench-serve",
        mixinStandardHelpOptions = true,
        description =
                "Benchmark serving: fetch N rows of fct_grid_events from a copy of the home's current snapshot through"
                        + " DuckDB JDBC locally and through the Flight SQL server over TLS (official JDBC driver), in one process;"
                        + " prints rows per second of each and the ratio (target: Flight SQL at most 2x slower).")
public final class BenchServeCommand implements Callable<Integer> {

    @Option(names = "--home", required = true, description = "a Shequ home with a published warehouse (only read)")
    Path home;

    @Option(names = "--rows", defaultValue = "1000000", description = "rows to fetch (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(
            names = "--scratch",
            description = "where the copy goes, kept afterwards (default: a temporary folder, deleted afterwards)")
    Path scratch;

    @Option(names = "--markdown", paramLabel = "FILE", description = "append the result as a table row to FILE")
    Path markdown;

    @Override
    public Integer call() throws Exception {
        Path work =
                scratch != null ? OwnerOnly.createDirectories(scratch) : Files.createTempDirectory("shequ-bench-serve");
        OwnerOnly.restrict(work);
        FlightFetchBench.Figures figures;
        try {
            figures = FlightFetchBench.run(home.toAbsolutePath().normalize(), rows, work);
        } finally {
            if (scratch == null) {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
        Machine machine = Machine.current();
        String row = String.format(
                Locale.ROOT,
                "| %s | %d cores, %d GiB | %,d × %d | %,.0f | %,.0f | %.2f× |",
                LocalDate.now(),
                machine.cores(),
                Math.round(machine.memoryBytes() / (double) (1L << 30)),
                figures.rows(),
                figures.columns(),
                figures.localRowsPerSecond(),
                figures.flightRowsPerSecond(),
                figures.ratio());
        System.out.printf(
                Locale.ROOT,
                "DuckDB JDBC, local:      %,.0f rows/s (%.2f s)%n",
                figures.localRowsPerSecond(),
                figures.local().toNanos() / 1e9);
        System.out.printf(
                Locale.ROOT,
                "Flight SQL JDBC, TLS:    %,.0f rows/s (%.2f s)%n",
                figures.flightRowsPerSecond(),
                figures.flight().toNanos() / 1e9);
        System.out.printf(Locale.ROOT, "Flight SQL / local:      %.2f× the time (target ≤ 2×)%n", figures.ratio());
        if (markdown != null) {
            Files.writeString(markdown, row + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return figures.ratio() <= 2 ? 0 : 1;
    }
}
