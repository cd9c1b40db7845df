package io.shequ.warehouse.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.GeneratedBearerTokenAuthenticator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Arrow Flight SQL server over a home's published warehouse: logins from the users file
 * (basic, then a bearer token), TLS unless plaintext on loopback was asked for, and each query on
 * the snapshot current when it starts.
 */
public final class WarehouseFlightServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseFlightServer.class);
    static final String LOOPBACK = "127.0.0.1";

    private final FlightServer server;
    private final WarehouseFlightProducer producer;
    private final QueryStream queries;
    private final ServedSnapshots snapshots;
    private final BufferAllocator allocator;

    private WarehouseFlightServer(
            FlightServer server,
            WarehouseFlightProducer producer,
            QueryStream queries,
            ServedSnapshots snapshots,
            BufferAllocator allocator) {
        this.server = server;
        this.producer = producer;
        this.queries = queries;
        this.snapshots = snapshots;
        this.allocator = allocator;
    }

    /**
     * Starts serving {@code home}'s current snapshot.
     *
     * @throws IllegalStateException if the users file has no user, nothing is published, or TLS
     *     is off without {@code insecurePlaintext}
     */
    public static WarehouseFlightServer start(Path home, ServeSettings settings) throws IOException {
        Path root = home.toAbsolutePath().normalize();
        ServeUsers users = ServeUsers.read(settings.usersFile());
        if (users.isEmpty()) {
            throw new IllegalStateException("no users in " + settings.usersFile()
                    + ": add one with ./shequ serve user add NAME --role analyst|engineer");
        }
        if (!settings.tls() && !settings.insecurePlaintext()) {
            throw new IllegalStateException("the server needs a TLS certificate and key in PEM (serve.tls-cert,"
                    + " serve.tls-key); --insecure-plaintext serves without TLS on loopback only");
        }
        String host = settings.tls() ? settings.host() : LOOPBACK;
        if (!settings.tls() && !LOOPBACK.equals(settings.host()) && !"localhost".equals(settings.host())) {
            LOG.warn("plaintext: binding {} instead of {}", LOOPBACK, settings.host());
        }
        BufferAllocator allocator = new RootAllocator();
        ServedSnapshots snapshots = new ServedSnapshots(root, settings.threads(), settings.memoryBytes());
        QueryStream queries = null;
        try {
            snapshots.lease().close();
            queries = new QueryStream(snapshots, allocator, settings);
            UserLogins logins = new UserLogins(settings.usersFile(), users);
            WarehouseFlightProducer producer = new WarehouseFlightProducer(
                    logins, snapshots, queries, new CatalogMetadata(snapshots, allocator), settings);
            Location location = settings.tls()
                    ? Location.forGrpcTls(host, settings.port())
                    : Location.forGrpcInsecure(host, settings.port());
            FlightServer.Builder builder = FlightServer.builder(allocator, location, producer)
                    .headerAuthenticator(
                            new GeneratedBearerTokenAuthenticator(new BasicCallHeaderAuthenticator(logins)));
            if (settings.tls()) {
                builder.useTls(settings.tlsCert().toFile(), settings.tlsKey().toFile());
            }
            FlightServer server = builder.build().start();
            LOG.info(
                    "Flight SQL serving {} on {}:{} ({}), {} users",
                    root,
                    host,
                    server.getPort(),
                    settings.tls() ? "TLS" : "plaintext, loopback only",
                    users.size());
            return new WarehouseFlightServer(server, producer, queries, snapshots, allocator);
        } catch (IOException | RuntimeException e) {
            if (queries != null) {
                queries.close();
            }
            snapshots.close();
            allocator.close();
            throw e;
        }
    }

    /** The port the server listens on (the one chosen when 0 was asked for). */
    public int port() {
        return server.getPort();
    }

    /** Blocks until the server stops. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
            server.close();
        }
        producer.close();
        queries.close();
        snapshots.close();
        allocator.close();
    }
}
