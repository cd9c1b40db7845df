package io.shequ.warehouse.serve;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one served query on the snapshot current when it starts and streams its result as Arrow
 * straight from DuckDB ({@code arrowExportStream}), within the server's limits: a cap on queries
 * at once (beyond it: "busy"), a timeout that cancels the query in DuckDB, a maximum of result
 * rows (counted first: a result over it is refused whole, never cut). Every query leaves one log line: user, snapshot, rows, duration, outcome; the SQL at debug.
 */
final class QueryStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryStream.class);
    private static final int BATCH_ROWS = 65_536;

    private final ServedSnapshots snapshots;
    private final BufferAllocator allocator;
    private final ServeSettings settings;
    private final Semaphore running;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "serve-query-timeout");
        thread.setDaemon(true);
        return thread;
    });

    QueryStream(ServedSnapshots snapshots, BufferAllocator allocator, ServeSettings settings) {
        this.snapshots = snapshots;
        this.allocator = allocator;
        this.settings = settings;
        this.running = new Semaphore(settings.maxConcurrentQueries());
    }

    /**
     * The Arrow schema of {@code sql}'s result, after checking that {@code role} may run it.
     *
     * @throws org.apache.arrow.flight.FlightRuntimeException UNAUTHORIZED if refused, INVALID_ARGUMENT if DuckDB fails it
     */
    Schema schema(Role role, String sql) {
        try (ServedSnapshots.Lease lease = snapshots.lease();
                Statement statement = lease.connection().createStatement()) {
            QueryAccess.check(lease.connection(), role, sql);
            try (DuckDBResultSet rows = statement
                            .executeQuery("SELECT * FROM (" + trimmed(sql) + ") AS served LIMIT 0")
                            .unwrap(DuckDBResultSet.class);
                    ArrowReader reader = (ArrowReader) rows.arrowExportStream(allocator, BATCH_ROWS)) {
                return reader.getVectorSchemaRoot().getSchema();
            }
        } catch (QueryRefusedException e) {
            throw CallStatus.UNAUTHORIZED.withDescription(e.getMessage()).toRuntimeException();
        } catch (SQLException | IOException e) {
            throw CallStatus.INVALID_ARGUMENT
                    .withDescription(e.getMessage())
                    .withCause(e)
                    .toRuntimeException();
        }
    }

    /** Runs {@code sql} for {@code user} and streams its rows to {@code listener}, which it completes or fails. */
    void stream(String user, Role role, String sql, ServerStreamListener listener) {
        if (!running.tryAcquire()) {
            LOG.warn("query refused: user={} outcome=busy ({} queries running)", user, settings.maxConcurrentQueries());
            listener.error(CallStatus.UNAVAILABLE
                    .withDescription("busy: " + settings.maxConcurrentQueries()
                            + " queries are running, the most this server runs at once; try again shortly")
                    .toRuntimeException());
            return;
        }
        long start = System.nanoTime();
        long[] rows = {0};
        String outcome = "ok";
        String snapshot = "-";
        LOG.debug("query by {}: {}", user, sql);
        try (ServedSnapshots.Lease lease = snapshots.lease();
                Statement statement = lease.connection().createStatement()) {
            snapshot = lease.snapshot().getFileName().toString();
            QueryAccess.check(lease.connection(), role, sql);
            AtomicBoolean timedOut = new AtomicBoolean();
            Duration timeout = settings.queryTimeout();
            ScheduledFuture<?> deadline = timer.schedule(
                    () -> {
                        timedOut.set(true);
                        cancel(statement);
                    },
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            listener.setOnCancelHandler(() -> cancel(statement));
            try {
                outcome = send(statement, sql, listener, rows);
            } catch (SQLException | IOException | RuntimeException e) {
                if (timedOut.get()) {
                    outcome = "timeout";
                    listener.error(CallStatus.TIMED_OUT
                            .withDescription("cancelled after the query timeout of " + timeout.toSeconds() + " s")
                            .toRuntimeException());
                } else if (listener.isCancelled()) {
                    outcome = "cancelled by the client";
                } else {
                    outcome = "failed: " + e.getMessage();
                    listener.error(CallStatus.INVALID_ARGUMENT
                            .withDescription(e.getMessage())
                            .withCause(e)
                            .toRuntimeException());
                }
            } finally {
                deadline.cancel(false);
            }
        } catch (QueryRefusedException e) {
            outcome = "refused: " + e.getMessage();
            listener.error(
                    CallStatus.UNAUTHORIZED.withDescription(e.getMessage()).toRuntimeException());
        } catch (SQLException | RuntimeException e) {
            outcome = "failed: " + e.getMessage();
            listener.error(CallStatus.INTERNAL
                    .withDescription(e.getMessage())
                    .withCause(e)
                    .toRuntimeException());
        } finally {
            running.release();
            LOG.info(
                    "query user={} snapshot={} rows={} ms={} outcome={}",
                    user,
                    snapshot,
                    rows[0],
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    outcome);
        }
    }

    private String send(Statement statement, String sql, ServerStreamListener listener, long[] rows)
            throws SQLException, IOException {
        long total = count(statement, sql);
        if (total > settings.maxResultRows()) {
            // refused before the first row: the JDBC driver takes an error after some batches for the end of the result
            listener.error(CallStatus.RESOURCE_EXHAUSTED
                    .withDescription("the result has " + total + " rows, more than " + settings.maxResultRows()
                            + " rows, the most this server returns: add a LIMIT or a filter")
                    .toRuntimeException());
            return "too many rows (" + total + ")";
        }
        try (DuckDBResultSet result = statement.executeQuery(trimmed(sql)).unwrap(DuckDBResultSet.class);
                ArrowReader reader = (ArrowReader) result.arrowExportStream(allocator, BATCH_ROWS)) {
            listener.start(reader.getVectorSchemaRoot());
            while (reader.loadNextBatch()) {
                while (!listener.isReady() && !listener.isCancelled()) {
                    LockSupport.parkNanos(200_000);
                }
                if (listener.isCancelled()) {
                    return "cancelled by the client";
                }
                listener.putNext();
                rows[0] += reader.getVectorSchemaRoot().getRowCount();
            }
            listener.completed();
            return "ok";
        }
    }

    /**
     * The result's row count, counted by DuckDB before any row is sent (it prunes the columns a
     * count does not need), so that a result over the cap is refused whole rather than cut.
     */
    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM (" + trimmed(sql) + ") AS served")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not cancel a query: {}", e.getMessage());
        }
    }

    /** Without trailing semicolons, so that the text can be wrapped as a subquery. */
    static String trimmed(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
