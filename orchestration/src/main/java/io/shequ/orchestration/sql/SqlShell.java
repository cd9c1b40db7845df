package io.shequ.orchestration.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The read-only SQL shell of {@code ./shequ sql}: reads statements and shell commands, prints each
 * result as an aligned table with its row count and time, and keeps the last result for
 * {@code \export}. A failed statement prints its error and the shell goes on; {@link #failures()}
 * counts them, for the exit code of a script.
 */
public final class SqlShell {

    static final String HELP = """
            statements end with ;  (a statement may span lines)
            \\d            list the tables and views
            \\d TABLE      describe a table's columns
            \\export FILE  write the last result to FILE.csv or FILE.xlsx
            \\q            quit""";

    /** One line of input at a time; null at the end of the input. */
    @FunctionalInterface
    public interface LineInput {
        String read(String prompt) throws IOException;
    }

    private final SqlSource source;
    private final SqlCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;
    private ResultTable last;
    private int failures;

    public SqlShell(SqlSource source, PrintStream out, PrintStream err) {
        this.source = source;
        this.catalog = new SqlCatalog(source);
        this.out = out;
        this.err = err;
    }

    /** Reads {@code input} to its end or to {@code \q}, running each statement and command. */
    public void run(LineInput input) throws IOException {
        SqlStatements statements = new SqlStatements();
        String line;
        while ((line = input.read(statements.isOpen() ? "   ...> " : "shequ> ")) != null) {
            for (String statement : statements.line(line)) {
                if (!execute(statement)) {
                    return;
                }
            }
        }
        String rest = statements.finish();
        if (!rest.isEmpty()) {
            execute(rest);
        }
    }

    /** Runs every statement of {@code text} (the {@code -c} option). */
    public void runText(String text) throws IOException {
        BufferedReader lines = new BufferedReader(new StringReader(text));
        run(prompt -> lines.readLine());
    }

    /** Statements and commands that failed so far. */
    public int failures() {
        return failures;
    }

    /** The catalog, for completion. */
    SqlCatalog catalog() {
        return catalog;
    }

    /** Runs one statement or shell command; false when the shell should stop ({@code \q}). */
    boolean execute(String input) {
        try {
            if (!input.startsWith("\\")) {
                last = ResultTable.run(source, input);
                TableText.print(last, out);
                return true;
            }
            String[] words = input.substring(1).strip().split("\\s+", 2);
            String argument = words.length > 1 ? words[1].strip() : "";
            switch (words[0]) {
                case "q", "quit" -> {
                    return false;
                }
                case "d" -> describe(argument);
                case "export" -> export(argument);
                case "?", "h", "help" -> out.println(HELP);
                default -> fail("unknown command \\" + words[0] + "; \\? lists the commands");
            }
        } catch (SQLException | IOException | RuntimeException e) {
            fail(String.valueOf(e.getMessage()).strip());
        }
        return true;
    }

    private void describe(String name) throws SQLException {
        if (name.isEmpty()) {
            TableText.print(catalog.list(), out);
            return;
        }
        Optional<SqlCatalog.Table> table =
                catalog.table(name.endsWith(";") ? name.substring(0, name.length() - 1) : name);
        if (table.isEmpty()) {
            fail("no table or view named " + name + " (\\d lists them)");
            return;
        }
        out.println(
                table.get().type().toLowerCase(Locale.ROOT) + " " + table.get().qualified());
        TableText.print(catalog.describe(table.get()), out);
    }

    private void export(String file) throws IOException {
        if (file.isEmpty()) {
            fail("\\export FILE.csv or FILE.xlsx");
        } else if (last == null || last.isEmpty()) {
            fail("no result to export yet: run a query first");
        } else {
            Path path = Path.of(file);
            ResultExport.write(last, path);
            out.println("wrote " + last.rows().size() + " rows to " + path.toAbsolutePath());
        }
    }

    private void fail(String message) {
        failures++;
        err.println("error: " + message);
    }
}
