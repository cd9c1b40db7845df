package io.shequ.orchestration.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs {@code shequ generate} in-process with a given environment, capturing its exit code and output. */
record GenerateRun(int exit, String out, String err) {

    static GenerateRun with(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GenerateCommand(environment::get));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new GenerateRun(exit, out.toString(), err.toString());
    }

    /** The ground truth's row count, header excluded. */
    static long truthRows(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.count() - 1;
        }
    }
}
