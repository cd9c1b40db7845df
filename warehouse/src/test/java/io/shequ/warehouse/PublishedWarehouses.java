package io.shequ.warehouse;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.nio.file.Path;
import java.util.List;

/** Small published warehouses for tests outside this package: the fixture lake, built and published. */
public final class PublishedWarehouses {

    private PublishedWarehouses() {
    }

    /**
     * Builds the fixture lake's warehouse as run {@code run-<generation>} and publishes it. Its
     * {@code meta_snapshot} ids are {@code 1001..1005 + 100 × generation}, so each generation's
     * snapshot tells itself apart.
     */
    public static Path publish(Path home, int generation) throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(home);
        LakeSnapshot standard = new TestLake(home.resolve("lake").resolve("g" + generation)).standard();
        List<LakeTable> tables = standard.tables().stream()
                .map(t -> new LakeTable(t.name(), t.snapshotId() + 100L * generation, t.rowCount(), t.dataFiles()))
                .toList();
        Path snapshot = new WarehouseBuilder().build(TestLake.snapshot(tables), publisher.newSnapshotPath("run-" + generation));
        publisher.publish(snapshot);
        return snapshot;
    }
}
