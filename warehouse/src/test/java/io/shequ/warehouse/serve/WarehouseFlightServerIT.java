package io.shequ.warehouse.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.warehouse.PublishedWarehouses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flight SQL server end to end: a small published warehouse, the server in this JVM on a free
 * port with a self-signed certificate, and the official Flight SQL JDBC driver as the client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarehouseFlightServerIT {

    private static final String ANALYST_PASSWORD = "statistics-2023";
    private static final String ENGINEER_PASSWORD = "pipeline-2023";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private Path home;

    private SelfSignedTls tls;

    private WarehouseFlightServer server;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        home = folder;
        PublishedWarehouses.publish(home, 1);
        ServeUsers users = ServeUsers.read(ServeUsers.defaultFile(home));
        users.put("ana", Role.ANALYST, ANALYST_PASSWORD.toCharArray());
        users.put("eng", Role.ENGINEER, ENGINEER_PASSWORD.toCharArray());
        tls = SelfSignedTls.write(Files.createDirectories(home.resolve("tls")));
        server = WarehouseFlightServer.start(
                home,
                new ServeSettings(
                        "127.0.0.1",
                        0,
                        tls.cert(),
                        tls.key(),
                        false,
                        ServeUsers.defaultFile(home),
                        TIMEOUT,
                        2,
                        100_000,
                        2,
                        512L << 20));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String url(String user, String password) {
        return "jdbc:arrow-flight-sql://localhost:" + server.port()
                + "/?useEncryption=true&disableCertificateVerification=true"
                + (user == null ? "" : "&user=" + user + "&password=" + password);
    }

    private Connection analyst() throws SQLException {
        return DriverManager.getConnection(url("ana", ANALYST_PASSWORD));
    }

    private Connection engineer() throws SQLException {
        return DriverManager.getConnection(url("eng", ENGINEER_PASSWORD));
    }

    private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void anAnalystWithTheRightPasswordReadsTheMarts() throws Exception {
        try (Connection db = analyst()) {
            List<List<Object>> count = rows(db, "SELECT count(*) FROM mart_indicators");
            assertThat(((Number) count.get(0).get(0)).longValue())
                    .as("indicator values served")
                    .isPositive();
            List<List<Object>> names =
                    rows(db, "SELECT indicator, indicator_name_en FROM dim_indicator ORDER BY indicator LIMIT 3;");
            assertThat(names)
                    .as("dim_indicator over a second query on the same session")
                    .hasSize(3);
        }
    }

    @Test
    void aWrongPasswordAnUnknownUserAndNoCredentialsAreRefused() {
        assertThatThrownBy(() -> rows(DriverManager.getConnection(url("ana", "not-the-password")), "SELECT 1"))
                .as("wrong password")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> rows(DriverManager.getConnection(url("mallory", ANALYST_PASSWORD)), "SELECT 1"))
                .as("unknown user")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> rows(DriverManager.getConnection(url(null, null)), "SELECT 1"))
                .as("no credentials")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void theHealthCheckAnswersWithTheServedSnapshotAfterALogin() throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, Location.forGrpcTls("localhost", server.port()))
                        .verifyServer(false)
                        .build()) {
            CredentialCallOption login =
                    client.authenticateBasicToken("eng", ENGINEER_PASSWORD).orElseThrow();
            Iterator<Result> answer = client.doAction(new Action(WarehouseFlightProducer.HEALTH), login);
            assertThat(new String(answer.next().getBody(), StandardCharsets.UTF_8))
                    .as("health")
                    .startsWith("ok run-");
        }
    }

    @Test
    void plainTcpAgainstTheTlsPortFails() {
        String plain = "jdbc:arrow-flight-sql://localhost:" + server.port() + "/?useEncryption=false&user=ana&password="
                + ANALYST_PASSWORD;
        assertThatThrownBy(() -> rows(DriverManager.getConnection(plain), "SELECT 1"))
                .as("a plaintext client gets nothing from the TLS port")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void anAnalystCannotReadTheIntermediateModelsButAnEngineerCan() throws Exception {
        try (Connection db = analyst()) {
            assertThatThrownBy(() -> rows(db, "SELECT * FROM (SELECT * FROM int_division_scope) AS s"))
                    .as("int_ models are the engineer's, even in a subquery")
                    .hasMessageContaining("int_division_scope");
            assertThatThrownBy(() -> rows(db, "SELECT * FROM duckdb_tables()"))
                    .as("the catalog functions would list the intermediate models")
                    .hasMessageContaining("duckdb_tables");
        }
        try (Connection db = engineer()) {
            assertThat(rows(db, "SELECT count(*) FROM int_division_scope"))
                    .as("the engineer reads the intermediate models")
                    .hasSize(1);
        }
    }

    @Test
    void theSandboxRefusesFilesWritesAndSettingsForBothRoles() throws Exception {
        List<String> forbidden = List.of(
                "SELECT * FROM read_csv('/etc/passwd')",
                "SELECT * FROM '/etc/passwd'",
                "COPY (SELECT 1) TO '" + home.resolve("leak.csv") + "'",
                "ATTACH '" + home.resolve("other.duckdb") + "' AS other",
                "INSTALL httpfs",
                "LOAD httpfs",
                "SET enable_external_access = true",
                "CREATE TABLE t AS SELECT 1",
                "INSERT INTO meta_snapshot SELECT * FROM meta_snapshot",
                "SELECT 1; COPY (SELECT 1) TO '" + home.resolve("leak2.csv") + "'");
        for (Connection db : List.of(analyst(), engineer())) {
            try (db) {
                for (String sql : forbidden) {
                    assertThatThrownBy(() -> rows(db, sql)).as(sql).isInstanceOf(SQLException.class);
                }
            }
        }
        assertThat(home.resolve("leak.csv")).as("COPY wrote nothing").doesNotExist();
        assertThat(home.resolve("leak2.csv"))
                .as("a second statement ran nowhere")
                .doesNotExist();
    }

    @Test
    void getTablesAndGetColumnsListWhatTheRoleMayRead() throws Exception {
        try (Connection db = analyst()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = db.getMetaData().getTables(null, null, "%", null)) {
                while (result.next()) {
                    tables.add(result.getString("TABLE_SCHEM") + "." + result.getString("TABLE_NAME"));
                }
            }
            assertThat(tables)
                    .as("the analyst's tree")
                    .contains("main.mart_indicators", "main.dim_indicator", "main.fct_grid_events")
                    .noneMatch(t -> !t.startsWith("main.") || t.startsWith("main.int_"));
            List<String> columns = new ArrayList<>();
            try (ResultSet result = db.getMetaData().getColumns(null, "main", "mart_indicators", "%")) {
                while (result.next()) {
                    columns.add(result.getString("COLUMN_NAME") + ":" + result.getString("TYPE_NAME"));
                }
            }
            assertThat(columns)
                    .as("mart_indicators' columns with their types")
                    .anyMatch(c -> c.startsWith("year:"))
                    .anyMatch(c -> c.startsWith("value:"));
        }
        try (Connection db = engineer();
                ResultSet result = db.getMetaData().getTables(null, "main", "int_%", null)) {
            assertThat(result.next())
                    .as("the engineer's tree has the intermediate models")
                    .isTrue();
        }
    }

    @Test
    void aRunawayQueryIsCancelledAtTheTimeoutAndTheServerKeepsAnswering() throws Exception {
        try (Connection db = analyst()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> rows(db, "SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b"))
                    .as("cancelled in DuckDB")
                    .isInstanceOf(SQLException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("cancelled near the timeout")
                    .isLessThan(TIMEOUT.plusSeconds(20));
            assertThat(rows(db, "SELECT 42")).as("the next query is answered").containsExactly(List.of(42));
        }
    }

    @Test
    void aResultOverTheRowCapIsRefusedLoudly() throws Exception {
        try (Connection db = analyst()) {
            assertThatThrownBy(() -> rows(db, "SELECT * FROM range(250000)"))
                    .as("more than 100,000 rows")
                    .hasMessageContaining("more than 100000 rows");
            assertThat(rows(db, "SELECT * FROM range(1000)"))
                    .as("a result under the cap")
                    .hasSize(1000);
        }
    }

    @Test
    void newQueriesFollowAPublish() throws Exception {
        try (Connection db = engineer()) {
            assertThat(rows(db, "SELECT min(iceberg_snapshot_id) FROM meta_snapshot"))
                    .as("before: generation 1 or a later one")
                    .isNotEmpty();
            PublishedWarehouses.publish(home, 7);
            assertThat(rows(db, "SELECT min(iceberg_snapshot_id) FROM meta_snapshot")
                            .get(0)
                            .get(0))
                    .as("the same session's next query reads the new snapshot")
                    .isEqualTo(1701L);
        }
    }

    @Test
    void queriesBeyondTheCapAreToldTheServerIsBusy() throws Exception {
        // two runaways hold both slots until the 3 s timeout cancels them. On a loaded machine their logins
        // may be so slow that one ends before the other starts, so a runaway that has ended is replaced by
        // a new one until a third query is told "busy" (or a minute has gone by)
        List<CompletableFuture<Object>> runaways = new ArrayList<>();
        String refusal = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection db = analyst()) {
            while (!refusal.contains("busy") && System.nanoTime() < deadline) {
                while (runaways.stream().filter(runaway -> !runaway.isDone()).count() < 2) {
                    runaways.add(CompletableFuture.supplyAsync(this::runaway));
                }
                try {
                    rows(db, "SELECT 1");
                    Thread.sleep(50);
                } catch (SQLException e) {
                    refusal = String.valueOf(e.getMessage());
                }
            }
        }
        assertThat(refusal)
                .as("a third query while two run is told the server is busy")
                .contains("busy");
        for (CompletableFuture<Object> runaway : runaways) {
            assertThat(runaway.get(60, TimeUnit.SECONDS))
                    .as("a runaway ends cancelled by the timeout or refused as busy, never with rows")
                    .isInstanceOf(SQLException.class);
        }
    }

    /** A query that runs until the server's timeout cancels it; what it ends with. */
    private Object runaway() {
        try (Connection db = analyst()) {
            return rows(db, "SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b");
        } catch (SQLException e) {
            return e;
        }
    }

    @Test
    void aClientTrustingTheSelfSignedCertificateConnectsWithVerificationOn() throws Exception {
        String verified = "jdbc:arrow-flight-sql://localhost:" + server.port()
                + "/?useEncryption=true&disableCertificateVerification=false";
        try (Connection db = DriverManager.getConnection(
                verified + "&tlsRootCerts=" + tls.cert() + "&user=ana&password=" + ANALYST_PASSWORD)) {
            assertThat(rows(db, "SELECT 42"))
                    .as("the certificate verified against the trusted root")
                    .containsExactly(List.of(42));
        }
        assertThat(tls.cert()).as("the test trusts a certificate that exists").exists();
        assertThatThrownBy(() -> rows(
                        DriverManager.getConnection(verified + "&user=ana&password=" + ANALYST_PASSWORD), "SELECT 1"))
                .as("without trusting it, verification refuses the self-signed certificate")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aRemovedUserIsRefusedByTheRunningServer() throws Exception {
        ServeUsers users = ServeUsers.read(ServeUsers.defaultFile(home));
        users.put("temp", Role.ANALYST, "temporary-2023".toCharArray());
        try (Connection db = DriverManager.getConnection(url("temp", "temporary-2023"))) {
            assertThat(rows(db, "SELECT 1"))
                    .as("a user added while the server runs logs in")
                    .hasSize(1);
            assertThat(ServeUsers.read(ServeUsers.defaultFile(home)).remove("temp"))
                    .isTrue();
            assertThatThrownBy(() -> rows(db, "SELECT 1"))
                    .as("its open session's next query")
                    .isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> rows(DriverManager.getConnection(url("temp", "temporary-2023")), "SELECT 1"))
                .as("its next login")
                .isInstanceOf(SQLException.class);
        try (Connection db = analyst()) {
            assertThat(rows(db, "SELECT 1")).as("the others still log in").hasSize(1);
        }
    }

    /**
     * The publishing test: 4 clients query in a loop while the real build and switch
     * publish 10 new generations. No query fails; a query started after a switch reads the new
     * generation, one ended before the next switch began reads that generation, and no result
     * mixes rows of two. A server of its own, so that the 4 clients fit under its query cap.
     */
    @Test
    void fourClientsQueryingThroughTenPublishesSeeEachNewSnapshotAndNeverTwoAtOnce() throws Exception {
        int clients = 4;
        int publishes = 10;
        int first = 21;
        PublishedWarehouses.Republisher republisher = new PublishedWarehouses.Republisher(home);
        republisher.publish(first - 1);
        ServeSettings settings = new ServeSettings(
                "127.0.0.1",
                0,
                tls.cert(),
                tls.key(),
                false,
                ServeUsers.defaultFile(home),
                Duration.ofSeconds(60),
                8,
                100_000,
                2,
                512L << 20);
        try (WarehouseFlightServer own = WarehouseFlightServer.start(home, settings)) {
            String url = "jdbc:arrow-flight-sql://localhost:" + own.port() + "/?useEncryption=true&tlsRootCerts="
                    + tls.cert() + "&user=ana&password=" + ANALYST_PASSWORD;
            List<Read> reads = new CopyOnWriteArrayList<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                Thread thread = new Thread(
                        () -> {
                            try (Connection db = DriverManager.getConnection(url)) {
                                while (!stop.get()) {
                                    long start = System.nanoTime();
                                    List<List<Object>> parts = rows(db, PublishedWarehouses.GENERATIONS);
                                    reads.add(new Read(client, start, System.nanoTime(), parts));
                                    Thread.sleep(100);
                                }
                            } catch (SQLException | RuntimeException | InterruptedException e) {
                                failures.add("client " + client + ": " + e);
                            }
                        },
                        "client-" + c);
                thread.start();
                threads.add(thread);
            }
            long[] switched = new long[publishes + 1];
            long[] switching = new long[publishes + 1];
            try {
                awaitEveryClient(reads, failures, clients, System.nanoTime());
                for (int k = 0; k < publishes; k++) {
                    switching[k] = System.nanoTime();
                    republisher.publish(first + k);
                    switched[k] = System.nanoTime();
                    awaitEveryClient(reads, failures, clients, switched[k]);
                }
            } finally {
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join(60_000);
                }
            }
            switching[publishes] = Long.MAX_VALUE;
            assertThat(failures).as("no client query failed").isEmpty();
            for (Read read : reads) {
                assertThat(read.single())
                        .as("one generation in every part of one result: " + read.parts())
                        .isTrue();
                for (int k = 0; k < publishes; k++) {
                    if (read.start() > switched[k] && read.end() < switching[k + 1]) {
                        assertThat(read.generation())
                                .as("client " + read.client() + " after switch " + k)
                                .isEqualTo(first + k);
                    }
                }
            }
            for (int c = 0; c < clients; c++) {
                int client = c;
                List<Long> seen = reads.stream()
                        .filter(r -> r.client() == client)
                        .map(Read::generation)
                        .toList();
                assertThat(seen)
                        .as("client " + c + " never goes back to an older snapshot")
                        .isSorted();
                assertThat(seen.stream().distinct())
                        .as("client " + c + " saw every new generation")
                        .containsAll(LongStream.range(first, first + publishes)
                                .boxed()
                                .toList());
            }
        }
    }

    /** Waits until every client has finished a query it started after {@code since}. */
    private static void awaitEveryClient(List<Read> reads, List<String> failures, int clients, long since)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (failures.isEmpty()
                && System.nanoTime() < deadline
                && reads.stream()
                                .filter(r -> r.start() > since)
                                .map(Read::client)
                                .distinct()
                                .count()
                        < clients) {
            Thread.sleep(10);
        }
        assertThat(failures).as("client failures").isEmpty();
        assertThat(reads.stream()
                        .filter(r -> r.start() > since)
                        .map(Read::client)
                        .distinct()
                        .count())
                .as("every client queried after the switch")
                .isEqualTo(clients);
    }

    /** One client query: when it ran and, per part of the warehouse, the generations its rows carry. */
    private record Read(int client, long start, long end, List<List<Object>> parts) {

        long generation() {
            return ((Number) parts.get(0).get(1)).longValue();
        }

        boolean single() {
            long generation = generation();
            return parts.size() == 3
                    && parts.stream()
                            .allMatch(p -> ((Number) p.get(1)).longValue() == generation
                                    && ((Number) p.get(2)).longValue() == generation);
        }
    }
}
