package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.lake.LakeSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
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
        publisher.publish(new WarehouseBuilder()
                .build(PublishedWarehouses.snapshot(lake, standard, 0), publisher.newSnapshotPath("run-0")));

        Path stop = home.resolve("stop");
        Process reader = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        SnapshotReaderLoop.class.getName(),
                        home.toString(),
                        stop.toString())
                .redirectError(home.resolve("reader.err").toFile())
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread collector = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("COLLECTOR " + e);
            }
        });
        collector.start();
        try {
            awaitRead(lines, 0, reader);
            for (int n = 1; n <= PUBLISHES; n++) {
                Path file = new WarehouseBuilder()
                        .build(PublishedWarehouses.snapshot(lake, standard, n), publisher.newSnapshotPath("run-" + n));
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
        assertThat(lines)
                .as("no read failed or mixed snapshots; reader stderr in " + home.resolve("reader.err"))
                .noneMatch(line -> line.startsWith("MIXED") || line.startsWith("FAILED"));
        assertThat(reader.exitValue()).as("the reader process's verdict").isZero();
        List<Long> seen = new ArrayList<>();
        lines.stream()
                .filter(l -> l.startsWith("read "))
                .map(l -> Long.parseLong(l.substring(5)))
                .distinct()
                .forEach(seen::add);
        assertThat(seen)
                .as("the reader saw every snapshot, in publishing order")
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    /** Waits until the reader has read snapshot {@code n}, or has stopped. */
    private static void awaitRead(List<String> lines, long n, Process reader) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!lines.contains("read " + n) && reader.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lines)
                .as("the reader read snapshot " + n + ": " + lines.subList(Math.max(0, lines.size() - 5), lines.size()))
                .contains("read " + n);
    }
}
