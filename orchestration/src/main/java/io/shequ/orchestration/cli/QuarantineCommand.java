package io.shequ.orchestration.cli;

import io.shequ.jobs.admit.AdmissionRegister;
import io.shequ.jobs.admit.QuarantineExport;
import io.shequ.jobs.admit.QuarantineRows;
import io.shequ.jobs.admit.QuarantinedRow;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.jobs.run.HomeLayout;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shequ quarantine}: works on quarantined rows; {@code export} writes them out for correction. */
@Command(
        name = "quarantine",
        mixinStandardHelpOptions = true,
        description = "Quarantined rows: export them for a data engineer to correct and drop in the admit folder.",
        subcommands = QuarantineCommand.Export.class)
public final class QuarantineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: export");
    }

    /**
     * Writes the re-admissible quarantined rows (row-level rejects of street-office reports and
     * procurement ledgers by staging, with their raw values, and their typed rows the check step's
     * row rules took out, with their fields) with location, line, column, rule, reason, run, which
     * step quarantined them and stable row id, as CSV (UTF-8 with BOM) or XLSX. Reads the home's
     * files only; no run needed.
     */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description =
                    "Write quarantined rows as CSV (UTF-8 with BOM) or XLSX, to correct and drop in the admit folder.")
    public static final class Export implements Callable<Integer> {

        @Option(
                names = "--home",
                defaultValue = "shequ-home",
                description = "the Shequ home (default: ${DEFAULT-VALUE})")
        Path home;

        @ArgGroup(exclusive = true)
        Which which;

        static final class Which {
            @Option(names = "--run", description = "the rows one run quarantined")
            String run;

            @Option(names = "--all-open", description = "every row still open in the kept quarantine (the default)")
            boolean allOpen;
        }

        @Option(names = "--source", description = "only this source: street_office_reports or procurement_ledgers")
        String source;

        @Option(names = "--format", required = true, description = "csv or xlsx")
        String format;

        @Option(names = "--out", required = true, description = "the file to write")
        Path out;

        private final PrintStream stdout;

        public Export() {
            this(System.out);
        }

        Export(PrintStream stdout) {
            this.stdout = stdout;
        }

        @Override
        public Integer call() throws Exception {
            QuarantineExport.Format fileFormat;
            try {
                fileFormat = QuarantineExport.Format.of(format);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "--format: expected csv or xlsx, got '" + format + "'");
            }
            if (source != null && !QuarantineRows.DATASETS.containsKey(source)) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this),
                        "--source: expected one of " + QuarantineRows.DATASETS.keySet() + ", got '" + source + "'");
            }
            HomeLayout layout = new HomeLayout(home);
            if (!Files.isDirectory(layout.home())) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--home: no folder " + layout.home());
            }
            QuarantineRows quarantine = new QuarantineRows(layout);
            List<QuarantinedRow> rows;
            if (which != null && which.run != null) {
                if (!quarantine.runs().contains(which.run)) {
                    throw new CommandLine.ParameterException(
                            new CommandLine(this),
                            "--run: no quarantine kept for run '" + which.run + "' under "
                                    + layout.home().resolve("quarantine"));
                }
                rows = quarantine.ofRun(which.run, source);
            } else {
                rows = quarantine.allOpen(source, new AdmissionRegister(layout).lastReadmitted());
            }
            QuarantineExport.write(rows, fileFormat, out);
            stdout.println(rows.size() + " quarantined row(s) written to "
                    + out.toAbsolutePath().normalize()
                    + "; correct the values, keep the identifying columns, and drop the file into the admit folder"
                    + " (quarantine.admit-folder, default " + layout.home().resolve("admit") + ") for the next run");
            return ExitCodes.SUCCESS;
        }
    }
}
