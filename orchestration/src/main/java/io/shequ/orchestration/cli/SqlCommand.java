package io.shequ.orchestration.cli;

import io.shequ.jobs.run.ExitCodes;
import io.shequ.orchestration.config.ServeConfig;
import io.shequ.orchestration.sql.SqlPassword;
import io.shequ.orchestration.sql.SqlShell;
import io.shequ.orchestration.sql.SqlSource;
import io.shequ.orchestration.sql.SqlTerminal;
import io.shequ.warehouse.serve.ServeSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description =
                "A read-only SQL shell over the current published snapshot (--home), sandboxed and bounded like every"
                        + " reader, or over a Flight SQL server (--url, --user). At a terminal: line editing, history, completion of"
                        + " table and column names; \\d, \\d TABLE, \\export FILE.csv|FILE.xlsx, \\q. Otherwise it runs -c or the"
                        + " statements on standard input. Exit 1 if a statement failed.")
public final class SqlCommand implements Callable<Integer> {

    @Option(
            names = "--home",
            defaultValue = "shequ-home",
            description =
                    "the Shequ home whose current snapshot to read, and where the history is kept (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(
            names = "--config",
            description = "a shequ.yml whose serve block sets the limits (timeout, max rows, threads, memory)")
    Path config;

    @Option(
            names = "--url",
            description =
                    "a Flight SQL server instead: jdbc:arrow-flight-sql://host:port/?useEncryption=true[&trustStore=...]")
    String url;

    @Option(names = "--user", description = "the login on the Flight SQL server")
    String user;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            description = "the environment variable holding the password (default: asked on the terminal)")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "an owner-only file holding the password")
    Path passwordFile;

    @Option(
            names = {"-c", "--command"},
            paramLabel = "SQL",
            description = "run these statements and exit")
    String command;

    private final PrintStream out;
    private final PrintStream err;

    public SqlCommand() {
        this(System.out, System.err);
    }

    SqlCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Path root = home.toAbsolutePath().normalize();
        SqlSource source;
        try {
            source = open(root);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("shequ sql: " + e.getMessage());
            return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.FAILURE;
        } catch (SQLException e) {
            err.println("shequ sql: cannot connect to " + url + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        try (source) {
            SqlShell shell = new SqlShell(source, out, err);
            if (command != null) {
                shell.runText(command);
            } else if (System.console() != null) {
                out.println("shequ sql on " + source.name() + ", read-only; \\? for help, \\q to quit");
                SqlTerminal.run(shell, root);
            } else {
                BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                shell.run(prompt -> stdin.readLine());
            }
            return shell.failures() == 0 ? 0 : ExitCodes.FAILURE;
        }
    }

    private SqlSource open(Path root) throws Exception {
        ServeSettings limits = ServeConfig.read(config, root);
        if (url == null) {
            if (user != null || passwordEnv != null || passwordFile != null) {
                throw new IllegalArgumentException("--user and a password are for --url; the snapshot needs none");
            }
            return SqlSource.snapshot(
                    root, limits.queryTimeout(), limits.maxResultRows(), limits.threads(), limits.memoryBytes());
        }
        if (user == null) {
            throw new IllegalArgumentException("--url needs --user");
        }
        SqlSource.requireNoPassword(url);
        char[] password = SqlPassword.read(user, passwordEnv, passwordFile);
        try {
            return SqlSource.flight(url, user, password, limits.maxResultRows());
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
