package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader in another process ({@link SnapshotReaderLoop}) queries the current warehouse in a
 * loop while 10 snapshots are built and published (keeping 3): no read fails, and no read sees
 * rows of two snapshots at once. Snapshot N carries N in its lake snapshot ids, in a report row's
 * source file, in the district's 2024 staff (1000 × N) and hence in the lineage.
 */
class ConcurrentReadersTest {

    static final int PUBLISHES = 10;

    @TempDir
    Path home;

    @Test
    void aReaderInAnotherProcessSeesOneWholeSnapshotAtATimeAcrossTenPublishes() throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(home);
        TestLake lake = new TestLake(home.resolve("lake"));
        LakeSnapshot standard = lake.standard();
        publisher.publish(new WarehouseBuilder().build(snapshot(lake, standard, 0), publisher.newSnapshotPath("run-0")));

        Path stop = home.resolve("stop");
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SnapshotReaderLoop.class.getName(),
                home.toString(), stop.toString())
                .redirectError(home.resolve("reader.err").toFile())
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread collector = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                lines.add("COLLECTOR " + e);
            }
        });
        collector.start();
        try {
            awaitRead(lines, 0, reader);
            for (int n = 1; n <= PUBLISHES; n++) {
                Path file = new WarehouseBuilder().build(snapshot(lake, standard, n), publisher.newSnapshotPath("run-" + n));
                publisher.publish(file);
                publisher.retain(3);
                awaitRead(lines, n, reader);
            }
        } finally {
            Files.writeString(stop, "stop");
            if (!reader.waitFor(60, TimeUnit.SECONDS)) {
                reader.destroyForcibly();
            }
            collector.join(10_000);
        }
        assertThat(lines).as("no read failed or mixed snapshots; reader stderr in " + home.resolve("reader.err"))
                .noneMatch(line -> line.startsWith("MIXED") || line.startsWith("FAILED"));
        assertThat(reader.exitValue()).as("the reader process's verdict").isZero();
        List<Long> seen = new ArrayList<>();
        lines.stream().filter(l -> l.startsWith("read ")).map(l -> Long.parseLong(l.substring(5)))
                .distinct().forEach(seen::add);
        assertThat(seen).as("the reader saw every snapshot, in publishing order")
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    /** Waits until the reader has read snapshot {@code n}, or has stopped. */
    private static void awaitRead(List<String> lines, long n, Process reader) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!lines.contains("read " + n) && reader.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lines).as("the reader read snapshot " + n + ": " + lines.subList(Math.max(0, lines.size() - 5), lines.size()))
                .contains("read " + n);
    }

    /** The standard lake with snapshot ids 100 n + i and a 2024 report of 1000 × n staff from file snapshot-n.csv. */
    private static LakeSnapshot snapshot(TestLake lake, LakeSnapshot standard, int n) throws Exception {
        Path marker = lake.parquet("fct_community_reports", """
                community_code,township_code,district_code,period,period_end,report_year,fulltime_staff,source_file,source_line
                370103100201,370103100000,370103000000,2024-06,2024-06-30,2024,%d,snapshot-%d.csv,2
                """.formatted(1000 * n, n));
        List<LakeTable> tables = new ArrayList<>();
        int i = 0;
        for (LakeTable table : standard.tables()) {
            long id = 100L * n + ++i;
            if (table.name().equals("fct_community_reports")) {
                List<Path> files = new ArrayList<>(table.dataFiles().stream().map(f -> Path.of(LakeLoader.localPath(f))).toList());
                files.add(marker);
                tables.add(TestLake.table(table.name(), id, files.toArray(Path[]::new)));
            } else {
                tables.add(new LakeTable(table.name(), id, table.rowCount(), table.dataFiles()));
            }
        }
        return TestLake.snapshot(tables);
    }
}
