package io.shequ.orchestration.sql;

import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where {@code ./shequ sql} reads: the current published snapshot through a {@link WarehouseReader}
 * (read-only, sandboxed, its settings locked, bounded like every reader), or a Flight SQL server,
 * whose own sandbox, role and limits apply. Closing it closes the connection and the reader.
 */
public final class SqlSource implements AutoCloseable {

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&;]password=");

    private final String name;
    private final Connection connection;
    private final WarehouseReader reader;
    private final Duration timeout;
    private final long maxRows;

    private SqlSource(String name, Connection connection, WarehouseReader reader, Duration timeout, long maxRows) {
        this.name = name;
        this.connection = connection;
        this.reader = reader;
        this.timeout = timeout;
        this.maxRows = maxRows;
    }

    /**
     * The snapshot current in {@code home}, kept until closed whatever is published meanwhile.
     *
     * @param timeout a query running longer is cancelled
     * @param maxRows a result with more rows is refused whole
     * @param threads DuckDB's threads, 0: sized from the machine
     * @param memoryBytes DuckDB's memory limit, 0: sized from the machine
     * @throws IllegalStateException if nothing is published in {@code home}
     */
    public static SqlSource snapshot(Path home, Duration timeout, long maxRows, int threads, long memoryBytes) {
        WarehouseReader reader = WarehouseReader.open(home, threads, memoryBytes);
        try {
            return new SqlSource(
                    "snapshot " + reader.snapshot().getFileName(), reader.session(), reader, timeout, maxRows);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * A Flight SQL server at {@code url} ({@code jdbc:arrow-flight-sql://host:port/?useEncryption=true...}),
     * logged in as {@code user}. The password travels in the connection's properties, never in the URL.
     *
     * @throws IllegalArgumentException if the URL holds a password
     */
    public static SqlSource flight(String url, String user, char[] password, long maxRows) throws SQLException {
        requireNoPassword(url);
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", new String(password));
        Connection connection = DriverManager.getConnection(url, login);
        int query = url.indexOf('?');
        return new SqlSource(
                (query < 0 ? url : url.substring(0, query)) + " as " + user, connection, null, null, maxRows);
    }

    /**
     * @throws IllegalArgumentException if {@code url} holds a password, which the command line
     *     would show to everyone on the machine
     */
    public static void requireNoPassword(String url) {
        if (PASSWORD_IN_URL.matcher(url).find()) {
            throw new IllegalArgumentException("the password never goes in the URL: use --password-env, --password-file"
                    + " or the terminal prompt");
        }
    }

    /** What this source reads, for the banner. */
    public String name() {
        return name;
    }

    Connection connection() {
        return connection;
    }

    /** The timeout this side sets on each statement, or null when the server enforces its own. */
    Duration timeout() {
        return timeout;
    }

    long maxRows() {
        return maxRows;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
