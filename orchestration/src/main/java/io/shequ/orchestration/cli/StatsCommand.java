package io.shequ.orchestration.cli;

import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.WarehouseReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Indicators from the published warehouse (read-only).")
public final class StatsCommand implements Callable<Integer> {

    enum Level {
        city,
        district,
        street,
        community
    }

    enum Format {
        table,
        csv,
        json,
        xlsx
    }

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(names = "--level", description = "city, district, street or community (default: all)")
    Level level;

    @Option(names = "--year", description = "YYYY (default: all years)")
    Integer year;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "table, csv, json or xlsx (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", description = "the workbook to write (with --format xlsx)")
    Path out;

    @Override
    public Integer call() throws Exception {
        if ((format == Format.xlsx) != (out != null)) {
            System.err.println("--out names the workbook of --format xlsx, and only that");
            return 2;
        }
        try (WarehouseReader reader = WarehouseReader.open(home.toAbsolutePath().normalize())) {
            List<IndicatorValue> values = reader.indicators(level == null ? null : level.name(), year);
            switch (format) {
                case table -> IndicatorTable.printTable(values, System.out);
                case csv -> IndicatorTable.printCsv(values, System.out);
                case json -> IndicatorTable.printJson(values, System.out);
                case xlsx -> {
                    try (OutputStream file = Files.newOutputStream(out)) {
                        IndicatorWorkbook.write(values, file);
                    }
                    System.out.println("wrote " + out);
                }
            }
            return 0;
        }
    }
}
