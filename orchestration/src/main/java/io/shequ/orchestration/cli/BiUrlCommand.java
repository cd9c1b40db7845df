package io.shequ.orchestration.cli;

import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "bi-url",
        mixinStandardHelpOptions = true,
        description =
                "Prints the DuckDB JDBC URL for BI tools on the current snapshot: read-only, sandboxed, and bounded"
                        + " (threads, memory_limit, temp_directory, max_temp_directory_size) as sized for this machine.")
public final class BiUrlCommand implements Callable<Integer> {

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @Override
    public Integer call() {
        try (WarehouseReader reader = WarehouseReader.open(home.toAbsolutePath().normalize())) {
            System.out.println(reader.jdbcUrl());
        }
        return 0;
    }
}
