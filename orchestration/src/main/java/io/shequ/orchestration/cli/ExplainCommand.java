package io.shequ.orchestration.cli;

import io.shequ.jobs.pipeline.ExitCodes;
import io.shequ.warehouse.IndicatorTrail;
import io.shequ.warehouse.IndicatorTrailText;
import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the trail behind one published indicator value: the fact rows it is made of, the
 * source file (or table) and row of each, and the arithmetic that gives the value. Reads the
 * published warehouse read-only, like {@code stats}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Trace one indicator value back to its fact rows and source rows, ending with the arithmetic.")
public final class ExplainCommand implements Callable<Integer> {

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(names = "--indicator", required = true, description = "indicator code, e.g. staff_avg")
    String indicator;

    @Option(names = "--division", required = true, description = "12-digit division code (a 6-digit district code is padded)")
    String division;

    @Option(names = "--year", required = true, description = "YYYY")
    int year;

    @Option(names = "--breakdown", defaultValue = "", description = "breakdown, e.g. signed or category:elderly_care (default: the headline)")
    String breakdown;

    @Override
    public Integer call() {
        String code = division.strip();
        if (!code.matches("\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            System.err.println("shequ explain: --division needs a 4, 6, 9 or 12-digit division code: " + division);
            return ExitCodes.USAGE;
        }
        String padded = (code + "000000000000").substring(0, 12);
        try (WarehouseReader reader = WarehouseReader.open(home.toAbsolutePath().normalize())) {
            Optional<IndicatorTrail> trail = reader.trail(indicator, padded, year, breakdown);
            if (trail.isEmpty()) {
                System.err.println("shequ explain: no published value of " + indicator
                        + (breakdown.isEmpty() ? "" : "/" + breakdown) + " for " + padded + " in " + year
                        + " (see ./shequ stats for the values there are)");
                return ExitCodes.FAILURE;
            }
            System.out.print(IndicatorTrailText.render(trail.get()));
            return trail.get().addsUp() ? 0 : ExitCodes.FAILURE;
        }
    }
}
