package io.shequ.warehouse.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.warehouse.PublishedWarehouses;
import io.shequ.warehouse.WarehousePublisher;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes are followed: a query keeps the snapshot it started on, the next one gets the new
 * one, and a rollback is followed back (the old snapshot, closed once idle, opens again).
 */
class ServedSnapshotsTest {

    @TempDir
    Path home;

    @Test
    void aRunningQueryKeepsItsSnapshotWhileTheNextFollowsPublishAndRollback() throws Exception {
        PublishedWarehouses.publish(home, 1);
        try (ServedSnapshots snapshots = new ServedSnapshots(home, 1, 256L << 20)) {
            ServedSnapshots.Lease running = snapshots.lease();
            PublishedWarehouses.publish(home, 2);
            try (ServedSnapshots.Lease next = snapshots.lease()) {
                assertThat(firstSnapshotId(next))
                        .as("a query started after the publish")
                        .isEqualTo(1201L);
                assertThat(firstSnapshotId(running))
                        .as("the query started before it, still on its snapshot")
                        .isEqualTo(1101L);
            }
            running.close();
            new WarehousePublisher(home).rollback();
            try (ServedSnapshots.Lease afterRollback = snapshots.lease()) {
                assertThat(firstSnapshotId(afterRollback))
                        .as("after publish --rollback")
                        .isEqualTo(1101L);
            }
        }
    }

    private static long firstSnapshotId(ServedSnapshots.Lease lease) throws SQLException {
        try (Statement sql = lease.connection().createStatement();
                ResultSet rows = sql.executeQuery("SELECT min(iceberg_snapshot_id) FROM meta_snapshot")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
