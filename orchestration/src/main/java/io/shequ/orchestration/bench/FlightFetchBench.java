package io.shequ.orchestration.bench;

import io.shequ.warehouse.WarehousePublisher;
import io.shequ.warehouse.WarehouseReader;
import io.shequ.warehouse.serve.Role;
import io.shequ.warehouse.serve.ServeSettings;
import io.shequ.warehouse.serve.ServeUsers;
import io.shequ.warehouse.serve.WarehouseFlightServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Fetches the same rows of {@code fct_grid_events} twice in one process: through DuckDB JDBC on the
 * snapshot (a sandboxed {@link WarehouseReader}, as every local reader), and through the Flight SQL
 * server over TLS with the official JDBC driver, reading every value of every row either way.
 *
 * <p>Works on a copy of the home's current snapshot in a scratch home (the server's users file,
 * certificate and spill folders go there; the home is only read). The certificate is a
 * self-signed one made with {@code openssl}, trusted by the client, so verification stays on.
 */
public final class FlightFetchBench {

    /** Rows per second of one fetch; the better of two rounds is kept. */
    public record Figures(long rows, int columns, Duration local, Duration flight) {

        public double localRowsPerSecond() {
            return rows / (local.toNanos() / 1e9);
        }

        public double flightRowsPerSecond() {
            return rows / (flight.toNanos() / 1e9);
        }

        /** How many times slower the fetch over Flight SQL is. */
        public double ratio() {
            return flight.toNanos() / (double) local.toNanos();
        }
    }

    private FlightFetchBench() {}

    public static Figures run(Path home, long rows, Path scratch) throws Exception {
        Path snapshot = new WarehousePublisher(home)
                .current()
                .orElseThrow(() -> new IllegalStateException("nothing published in " + home));
        WarehousePublisher copy = new WarehousePublisher(scratch);
        Path file = copy.newSnapshotPath("bench");
        Files.copy(snapshot, file);
        copy.publish(file);
        long events;
        try (WarehouseReader reader = WarehouseReader.open(scratch)) {
            events = ((Number) reader.query("SELECT count(*) FROM fct_grid_events")
                            .get(0)
                            .get(0))
                    .longValue();
        }
        // a sample smaller than the rows asked for is read several times over: the same rows, the same bytes a row
        long repeats = Math.max(1, (rows + events - 1) / Math.max(1, events));
        String sql = repeats == 1
                ? "SELECT * FROM fct_grid_events LIMIT " + rows
                : "SELECT e.* FROM fct_grid_events e, range(" + repeats + ") r LIMIT " + rows;
        if (repeats > 1) {
            System.out.println(
                    "note: fct_grid_events has " + events + " rows; each is read up to " + repeats + " times");
        }

        char[] password = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new SecureRandom().generateSeed(18))
                .toCharArray();
        Path users = scratch.resolve("secrets").resolve("serve-users");
        ServeUsers.read(users).put("bench", Role.ANALYST, password);
        Path cert = scratch.resolve("secrets").resolve("bench.crt");
        Path key = scratch.resolve("secrets").resolve("bench.key");
        selfSigned(cert, key);
        ServeSettings settings =
                new ServeSettings("127.0.0.1", 0, cert, key, false, users, Duration.ofMinutes(10), 2, rows, 0, 0);
        Duration local = null;
        Duration flight = null;
        Properties login = new Properties();
        login.setProperty("user", "bench");
        login.setProperty("password", new String(password));
        long[] read = new long[2];
        // one DuckDB at a time: in one JVM a second open of the file with other settings fails
        for (int round = 0; round < 2; round++) {
            try (WarehouseReader reader = WarehouseReader.open(scratch);
                    Connection db = reader.session()) {
                local = min(local, fetch(db, sql, read));
            }
            try (WarehouseFlightServer server = WarehouseFlightServer.start(scratch, settings)) {
                String url = "jdbc:arrow-flight-sql://localhost:" + server.port()
                        + "/?useEncryption=true&disableCertificateVerification=false&tlsRootCerts=" + cert;
                try (Connection db = DriverManager.getConnection(url, login)) {
                    flight = min(flight, fetch(db, sql, read));
                }
            }
        }
        int columns = (int) read[1];
        if (read[0] != rows) {
            System.out.println("note: " + read[0] + " rows read, fewer than " + rows);
            rows = read[0];
        }
        return new Figures(rows, columns, local, flight);
    }

    /** Reads every value of every row; {@code read} gets the rows and columns. */
    private static Duration fetch(Connection db, String sql, long[] read) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        long nulls = 0;
        try (Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int c = 1; c <= columns; c++) {
                    if (result.getObject(c) == null) {
                        nulls++;
                    }
                }
                rows++;
            }
            read[1] = columns;
        }
        read[0] = rows;
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "  %s: %,d rows (%,d null values) in %.2f s%n",
                db.getMetaData().getURL().startsWith("jdbc:duckdb") ? "DuckDB JDBC" : "Flight SQL JDBC",
                rows,
                nulls,
                took.toNanos() / 1e9);
        return took;
    }

    private static Duration min(Duration best, Duration next) {
        return best == null || next.compareTo(best) < 0 ? next : best;
    }

    private static void selfSigned(Path cert, Path key) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "1",
                        "-subj",
                        "/CN=localhost",
                        "-addext",
                        "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl could not make a self-signed certificate (is it installed?)");
        }
    }
}
