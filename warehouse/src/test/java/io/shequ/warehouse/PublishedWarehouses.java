package io.shequ.warehouse;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small published warehouses for tests outside this package: the fixture lake, built and published. */
public final class PublishedWarehouses {

    private PublishedWarehouses() {}

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
        Path snapshot =
                new WarehouseBuilder().build(TestLake.snapshot(tables), publisher.newSnapshotPath("run-" + generation));
        publisher.publish(snapshot);
        return snapshot;
    }

    /**
     * Per part of the warehouse, the smallest and largest generation its rows carry, on a warehouse
     * a {@link Republisher} published: one row each for {@code fct_community_reports},
     * {@code mart_indicators} and {@code meta_snapshot}, in that order. Unlike
     * {@link SnapshotReaderLoop#SNAPSHOT_IDS} it leaves out the lineage view, which takes seconds
     * a query on a busy machine.
     */
    public static final String GENERATIONS = """
            SELECT part, min(id), max(id)
            FROM (
                SELECT 'meta_snapshot' AS part, iceberg_snapshot_id // 100 AS id FROM meta_snapshot
                UNION ALL
                SELECT 'fct_community_reports', CAST(regexp_extract(source_file, 'snapshot-(\\d+)', 1) AS BIGINT)
                FROM fct_community_reports WHERE source_file LIKE 'snapshot-%'
                UNION ALL
                SELECT 'mart_indicators', CAST(numerator AS BIGINT) // 1000
                FROM mart_indicators WHERE indicator = 'staff_avg' AND year = 2024 AND division_level = 'district'
            )
            GROUP BY part
            ORDER BY part
            """;

    /**
     * Publishes the fixture lake again and again, each time as a new generation {@code n} that
     * every part of the warehouse shows: its lake snapshot ids are {@code 100 n + i}, a 2024 report
     * of {@code 1000 n} staff comes from file {@code snapshot-n.csv}, and so the marts and the
     * lineage carry {@code n} too ({@link #GENERATIONS} asks them). The real build, audit-free, and
     * the real atomic switch; three snapshots are kept.
     */
    public static final class Republisher {

        private final WarehousePublisher publisher;
        private final TestLake lake;
        private final LakeSnapshot standard;

        public Republisher(Path home) throws Exception {
            this.publisher = new WarehousePublisher(home);
            this.lake = new TestLake(home.resolve("lake-republished"));
            this.standard = lake.standard();
        }

        /** Builds generation {@code n} and makes it current; returns its snapshot file. */
        public Path publish(int n) throws Exception {
            Path file =
                    new WarehouseBuilder().build(snapshot(lake, standard, n), publisher.newSnapshotPath("run-" + n));
            publisher.publish(file);
            publisher.retain(3);
            return file;
        }
    }

    /** The standard lake with snapshot ids 100 n + i and a 2024 report of 1000 × n staff from file snapshot-n.csv. */
    static LakeSnapshot snapshot(TestLake lake, LakeSnapshot standard, int n) throws Exception {
        Path marker = lake.parquet("fct_community_reports", """
                community_code,township_code,district_code,period,period_end,report_year,fulltime_staff,source_file,source_line
                370103100201,370103100000,370103000000,2024-06,2024-06-30,2024,%d,snapshot-%d.csv,2
                """.formatted(1000 * n, n));
        List<LakeTable> tables = new ArrayList<>();
        int i = 0;
        for (LakeTable table : standard.tables()) {
            long id = 100L * n + ++i;
            if (table.name().equals("fct_community_reports")) {
                List<Path> files = new ArrayList<>(table.dataFiles().stream()
                        .map(f -> Path.of(LakeLoader.localPath(f)))
                        .toList());
                files.add(marker);
                tables.add(TestLake.table(table.name(), id, files.toArray(Path[]::new)));
            } else {
                tables.add(new LakeTable(table.name(), id, table.rowCount(), table.dataFiles()));
            }
        }
        return TestLake.snapshot(tables);
    }
}
