package io.shequ.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The reader process of {@link ConcurrentReadersTest}: until a stop file appears, opens the
 * current warehouse, asks four tables which snapshot their rows belong to, and prints
 * {@code read <id>}, or {@code MIXED ...}/{@code FAILED ...} when the answer is not one
 * snapshot or the read fails. Exits 0 only if every read saw exactly one snapshot, never an
 * older one than before.
 */
public final class SnapshotReaderLoop {

    /** Per part of the warehouse, the smallest and largest snapshot id its rows carry. */
    static final String SNAPSHOT_IDS = """
            SELECT part, min(id), max(id)
            FROM (
                SELECT 'meta_snapshot' AS part, iceberg_snapshot_id // 100 AS id FROM meta_snapshot
                UNION ALL
                SELECT 'fct_community_reports', CAST(regexp_extract(source_file, 'snapshot-(\\d+)', 1) AS BIGINT)
                FROM fct_community_reports WHERE source_file LIKE 'snapshot-%'
                UNION ALL
                SELECT 'mart_indicators', CAST(numerator AS BIGINT) // 1000
                FROM mart_indicators WHERE indicator = 'staff_avg' AND year = 2024 AND division_level = 'district'
                UNION ALL
                SELECT 'mart_indicator_lineage', CAST(regexp_extract(source, 'snapshot-(\\d+)', 1) AS BIGINT)
                FROM mart_indicator_lineage WHERE source LIKE 'snapshot-%'
            )
            GROUP BY part
            ORDER BY part
            """;

    private SnapshotReaderLoop() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        long last = -1;
        int failures = 0;
        int reads = 0;
        while (!Files.exists(stop)) {
            try (WarehouseReader reader = WarehouseReader.open(home)) {
                // twice on one connection: a publish in between must not show through
                for (int i = 0; i < 2; i++) {
                    List<List<Object>> parts = reader.query(SNAPSHOT_IDS);
                    long id = ((Number) parts.get(0).get(1)).longValue();
                    boolean single = parts.size() == 4
                            && parts.stream()
                                    .allMatch(p -> ((Number) p.get(1)).longValue() == id
                                            && ((Number) p.get(2)).longValue() == id);
                    if (!single || id < last) {
                        failures++;
                        System.out.println("MIXED " + parts + " after " + last);
                    } else {
                        System.out.println("read " + id);
                    }
                    last = Math.max(last, id);
                    reads++;
                }
            } catch (RuntimeException e) {
                failures++;
                System.out.println("FAILED " + e);
            }
            System.out.flush();
        }
        System.out.println("done reads=" + reads + " failures=" + failures);
        System.out.flush();
        System.exit(failures == 0 ? 0 : 1);
    }
}
