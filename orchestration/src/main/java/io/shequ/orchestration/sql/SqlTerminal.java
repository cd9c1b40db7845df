package io.shequ.orchestration.sql;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell at a terminal (JLine): line editing, a history kept owner-only in
 * {@code <home>/state/sql-history}, completion of table and column names. Ctrl-C drops the
 * line being typed; Ctrl-D quits.
 */
public final class SqlTerminal implements AutoCloseable {

    private final Terminal terminal;
    private final LineReader reader;
    private final Path history;

    private SqlTerminal(Terminal terminal, LineReader reader, Path history) {
        this.terminal = terminal;
        this.reader = reader;
        this.history = history;
    }

    /** Runs {@code shell} at this process's terminal until {@code \q} or Ctrl-D. */
    public static void run(SqlShell shell, Path home) throws IOException {
        try (SqlTerminal terminal = open(shell, home)) {
            shell.run(terminal::read);
        }
    }

    static SqlTerminal open(SqlShell shell, Path home) throws IOException {
        Path history = home.resolve("state").resolve("sql-history");
        OwnerOnly.createDirectories(history.getParent());
        if (!Files.exists(history)) {
            OwnerOnly.createFile(history);
        }
        OwnerOnly.restrict(history);
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("shequ-sql")
                .parser(parser)
                .completer(SqlCompleter.of(shell.catalog()))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_FILE_SIZE, 2000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        return new SqlTerminal(terminal, reader, history);
    }

    /** The next line, {@code ""} after Ctrl-C, null after Ctrl-D. */
    String read(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
            OwnerOnly.restrict(history);
        } finally {
            terminal.close();
        }
    }
}
