package io.shequ.orchestration.cli;

import io.shequ.jobs.run.ExitCodes;
import io.shequ.warehouse.IndicatorTrail;
import io.shequ.warehouse.IndicatorTrailText;
import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the trail behind one published indicator value: what its fact rows add up to by source
 * and by child division, the first of those rows with the source file (or table) and row of each,
 * and the arithmetic that gives the value; or every row as CSV. Reads the published warehouse
 * read-only, like {@code stats}.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Trace one indicator value back to its fact rows and source rows: a summary by source and by "
                + "child division, the first rows, and the arithmetic.")
public final class ExplainCommand implements Callable<Integer> {

    enum Format {
        text,
        csv
    }

    /** Rows printed after the summary unless --rows says otherwise. */
    static final int DEFAULT_ROWS = 20;

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(names = "--indicator", required = true, description = "indicator code, e.g. staff_avg")
    String indicator;

    @Option(
            names = "--division",
            required = true,
            description = "12-digit division code (a 6-digit district code is padded)")
    String division;

    @Option(names = "--year", required = true, description = "YYYY")
    int year;

    @Option(
            names = "--breakdown",
            defaultValue = "",
            description = "breakdown, e.g. signed or category:elderly_care (default: the headline)")
    String breakdown;

    @Option(
            names = "--rows",
            defaultValue = "" + DEFAULT_ROWS,
            description = "how many contributing rows to print after the summary, or all (default: ${DEFAULT-VALUE})")
    String rows;

    @Option(
            names = "--format",
            defaultValue = "text",
            description =
                    "text (summary, first rows, arithmetic) or csv (every contributing row) (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() {
        String code = division.strip();
        if (!code.matches("\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            System.err.println("shequ explain: --division needs a 4, 6, 9 or 12-digit division code: " + division);
            return ExitCodes.USAGE;
        }
        String padded = (code + "000000000000").substring(0, 12);
        long firstRows;
        if (rows.strip().equalsIgnoreCase("all")) {
            firstRows = Long.MAX_VALUE;
        } else if (rows.strip().matches("\\d{1,9}")) {
            firstRows = Long.parseLong(rows.strip());
        } else {
            System.err.println("shequ explain: --rows needs a number or all: " + rows);
            return ExitCodes.USAGE;
        }
        try (WarehouseReader reader = WarehouseReader.open(home.toAbsolutePath().normalize())) {
            if (format == Format.csv) {
                return TrailCsv.write(reader, indicator, padded, year, breakdown, System.out)
                        ? 0
                        : notPublished(padded);
            }
            Optional<IndicatorTrail> trail = reader.trail(indicator, padded, year, breakdown, firstRows);
            if (trail.isEmpty()) {
                return notPublished(padded);
            }
            System.out.print(IndicatorTrailText.render(trail.get()));
            return trail.get().addsUp() ? 0 : ExitCodes.FAILURE;
        }
    }

    private int notPublished(String padded) {
        System.err.println("shequ explain: no published value of " + indicator
                + (breakdown.isEmpty() ? "" : "/" + breakdown) + " for " + padded + " in " + year
                + " (see ./shequ stats for the values there are)");
        return ExitCodes.FAILURE;
    }
}
