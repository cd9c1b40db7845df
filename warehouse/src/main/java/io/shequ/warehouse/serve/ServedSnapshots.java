package io.shequ.warehouse.serve;

import io.shequ.warehouse.WarehousePublisher;
import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshots the server reads, following publishes: each query leases the snapshot that is
 * current when it starts and keeps it to its end; a snapshot no longer current is closed when its
 * last query ends, so a kept snapshot can be rolled back to or deleted. A rollback to a snapshot
 * still open reuses it (DuckDB allows one database per file in a process).
 */
final class ServedSnapshots implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServedSnapshots.class);

    private final Path home;
    private final int threads;
    private final long memoryBytes;
    private final WarehousePublisher publisher;
    private final Map<Path, Served> open = new HashMap<>();
    private Served current;

    ServedSnapshots(Path home, int threads, long memoryBytes) {
        this.home = home;
        this.threads = threads;
        this.memoryBytes = memoryBytes;
        this.publisher = new WarehousePublisher(home);
    }

    /** A session on the snapshot current now; closing it ends the query's hold on the snapshot. */
    synchronized Lease lease() {
        Path now = publisher
                .current()
                .orElseThrow(() -> new IllegalStateException("no warehouse published in " + publisher.folder()));
        if (current == null || !current.reader.snapshot().equals(now)) {
            Served next = open.get(now);
            if (next == null) {
                WarehouseReader reader = WarehouseReader.open(home, threads, memoryBytes);
                next = new Served(reader);
                open.put(reader.snapshot(), next);
            }
            next.retired = false;
            LOG.info("serving snapshot {}", next.reader.snapshot().getFileName());
            Served previous = current;
            current = next;
            if (previous != null && previous != next) {
                previous.retired = true;
                closeIfIdle(previous);
            }
        }
        Served served = current;
        Connection session = served.reader.session();
        served.leases++;
        return new Lease(this, served, session);
    }

    private synchronized void release(Served served) {
        served.leases--;
        closeIfIdle(served);
    }

    private void closeIfIdle(Served served) {
        if (served.retired && served.leases == 0) {
            open.remove(served.reader.snapshot());
            LOG.info(
                    "closed snapshot {}: no longer current, no query running on it",
                    served.reader.snapshot().getFileName());
            served.reader.close();
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(served -> served.reader.close());
        open.clear();
        current = null;
    }

    private static final class Served {
        final WarehouseReader reader;
        int leases;
        boolean retired;

        Served(WarehouseReader reader) {
            this.reader = reader;
        }
    }

    /** One query's connection to the snapshot it started on. */
    static final class Lease implements AutoCloseable {
        private final ServedSnapshots owner;
        private final Served served;
        private final Connection connection;

        private Lease(ServedSnapshots owner, Served served, Connection connection) {
            this.owner = owner;
            this.served = served;
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        Path snapshot() {
            return served.reader.snapshot();
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session is gone either way; the snapshot's own connection closes with it
            } finally {
                owner.release(served);
            }
        }
    }
}
