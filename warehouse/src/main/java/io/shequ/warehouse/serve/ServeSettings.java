package io.shequ.warehouse.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the Flight SQL server listens and what it allows.
 *
 * @param host the address to bind (with {@code insecurePlaintext}, loopback whatever this says)
 * @param port the port, 0 for any free one
 * @param tlsCert the certificate chain in PEM, null only with {@code insecurePlaintext}
 * @param tlsKey its private key in PEM (PKCS#8), null only with {@code insecurePlaintext}
 * @param insecurePlaintext serve without TLS, on loopback only
 * @param usersFile the users file ({@link ServeUsers})
 * @param queryTimeout a query running longer is cancelled in DuckDB
 * @param maxConcurrentQueries queries beyond this many at once are refused as busy
 * @param maxResultRows a result with more rows is refused (the client is told to add a LIMIT)
 * @param threads DuckDB worker threads, 0: every core
 * @param memoryBytes DuckDB's memory_limit, 0: sized from the machine
 */
public record ServeSettings(
        String host,
        int port,
        Path tlsCert,
        Path tlsKey,
        boolean insecurePlaintext,
        Path usersFile,
        Duration queryTimeout,
        int maxConcurrentQueries,
        long maxResultRows,
        int threads,
        long memoryBytes) {

    public static final int DEFAULT_PORT = 31337;

    public ServeSettings {
        if (maxConcurrentQueries < 1 || maxResultRows < 1 || queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("serve limits must be positive: " + maxConcurrentQueries + " queries, "
                    + maxResultRows + " rows, timeout " + queryTimeout);
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate and a key (PEM)");
        }
    }

    /** Defaults for {@code home}: port 31337 on every interface, users in the home's secrets, 5 min, 8 queries, 1 M rows. */
    public static ServeSettings defaults(Path home) {
        return new ServeSettings(
                "0.0.0.0",
                DEFAULT_PORT,
                null,
                null,
                false,
                ServeUsers.defaultFile(home),
                Duration.ofMinutes(5),
                8,
                1_000_000,
                0,
                0);
    }

    boolean tls() {
        return tlsCert != null;
    }
}
