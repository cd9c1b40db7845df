package io.shequ.orchestration.cli;

import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Indicators from the published warehouse (read-only).")
public final class StatsCommand implements Callable<Integer> {

    enum Level { city, district, street, community }

    enum Format { table, csv, json }

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(names = "--level", description = "city, district, street or community (default: all)")
    Level level;

    @Option(names = "--year", description = "YYYY (default: all years)")
    Integer year;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() throws Exception {
        try (WarehouseReader reader = WarehouseReader.open(home.toAbsolutePath().normalize())) {
            List<IndicatorValue> values = reader.indicators(level == null ? null : level.name(), year);
            switch (format) {
                case table -> IndicatorTable.printTable(values, System.out);
                case csv -> IndicatorTable.printCsv(values, System.out);
                case json -> IndicatorTable.printJson(values, System.out);
            }
            return 0;
        }
    }
}
