package io.shequ.jobs.run;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Closes an embedded H2 database when its owner is done with it. Pools that are never closed
 * (Iceberg's catalog client pool outlives {@code SparkSession.stop()}) keep an H2 file open, and
 * with AUTO_SERVER its lock-file watchdog rewrites {@code *.lock.db} every second, so the home
 * cannot be removed cleanly. Other databases are left alone: a server outlives its clients.
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {}

    /**
     * H2's trace to the application log instead of a {@code *.trace.db} file: H2 writes one when an
     * error occurs, created with the process's umask (world-readable in a JVM not started by the
     * launcher) and holding the failing SQL, which may carry personal data.
     */
    public static final String TRACE_TO_LOG = ";TRACE_LEVEL_FILE=4";

    /** True for URLs of an H2 database this process may own: file or memory, not a TCP client. */
    public static boolean isEmbeddedH2(String url) {
        return url != null
                && url.startsWith("jdbc:h2:")
                && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
    }

    /**
     * Sets the files of an embedded H2 file database owner-only: the database, its lock file
     * ({@code *.lock.db}, which names the AUTO_SERVER port) and trace file. H2 cannot be told a
     * mode and creates them with the process's umask, inside {@code state/}, a folder that is
     * owner-only already; nothing for other databases.
     */
    public static void restrictFiles(String url) throws IOException {
        if (!isEmbeddedH2(url) || !url.startsWith("jdbc:h2:file:")) {
            return;
        }
        Path base = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0])
                .toAbsolutePath();
        if (!Files.isDirectory(base.getParent())) {
            return;
        }
        String prefix = base.getFileName() + ".";
        try (Stream<Path> files = Files.list(base.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".db"))
                    .toList()) {
                try {
                    OwnerOnly.restrict(file);
                } catch (NoSuchFileException closedMeanwhile) {
                    // a lock file removed as its database closed
                }
            }
        }
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
