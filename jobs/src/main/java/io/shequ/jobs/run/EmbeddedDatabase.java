package io.shequ.jobs.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Closes an embedded H2 database when its owner is done with it. Pools that are never closed
 * (Iceberg's catalog client pool outlives {@code SparkSession.stop()}) keep an H2 file open, and
 * with AUTO_SERVER its lock-file watchdog rewrites {@code *.lock.db} every second, so the home
 * cannot be removed cleanly. Other databases are left alone: a server outlives its clients.
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /** True for URLs of an H2 database this process may own: file or memory, not a TCP client. */
    public static boolean isEmbeddedH2(String url) {
        return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
    }

    /**
     * Shuts the database down if it is an embedded H2 database; a database already closed is not
     * an error. Returns whether a shutdown was sent.
     */
    public static boolean shutdown(String url, String user, String password) {
        if (!isEmbeddedH2(url)) {
            return false;
        }
        String openOnly = url + ";IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(openOnly, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
            return true;
        } catch (SQLException alreadyClosedOrAbsent) {
            return false;
        }
    }
}
