package io.shequ.warehouse;

import com.sun.management.OperatingSystemMXBean;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What a DuckDB connection of Shequ may use: worker threads, memory, and a folder to spill to
 * (bounded in size) when an operator needs more than its memory.
 *
 * <p>Sized from the machine by {@link #fromMachine}: DuckDB's memory lives outside the Java heap,
 * so it gets a share of what the heap and a reserve for the JVM's own native memory leave free.
 *
 * @param threads worker threads, at least 1
 * @param memoryBytes DuckDB's {@code memory_limit}
 * @param spillFolder DuckDB's {@code temp_directory}; null for DuckDB's default beside the file
 * @param maxSpillBytes DuckDB's {@code max_temp_directory_size}
 */
public record DuckDbResources(int threads, long memoryBytes, Path spillFolder, long maxSpillBytes) {

    static final long MIB = 1L << 20;
    static final long GIB = 1L << 30;
    /** Native memory the JVM needs beyond its heap: metaspace, code cache, threads, Spark's buffers. */
    static final long JVM_RESERVE = 2 * GIB;
    /** DuckDB takes this share of the memory the heap and the reserve leave, so the OS keeps its cache. */
    static final int SHARE_OF_FREE = 4;

    static final long MIN_MEMORY = 512 * MIB;

    public DuckDbResources {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (memoryBytes < 64 * MIB) {
            throw new IllegalArgumentException("DuckDB needs at least 64 MiB: " + memoryBytes);
        }
    }

    /** Two threads and 1 GiB, spilling beside the file: for tests on tiny data. */
    public static DuckDbResources small() {
        return new DuckDbResources(2, GIB, null, 10 * GIB);
    }

    /**
     * Sized from this machine: every core, a quarter of the physical memory (or the container's
     * limit) that the JVM's largest heap and {@link #JVM_RESERVE} leave, at least 512 MiB, and a
     * spill folder of at most half the free disk under it.
     */
    public static DuckDbResources fromMachine(Path spillFolder) {
        long physical = physicalMemory();
        long heap = Runtime.getRuntime().maxMemory();
        return sized(Runtime.getRuntime().availableProcessors(), physical, heap, spillFolder, usableDisk(spillFolder));
    }

    /** Where the publish's DuckDB spills: {@code <home>/work/duckdb-spill}. */
    public static Path publishSpill(Path home) {
        return home.resolve("work").resolve("duckdb-spill");
    }

    /**
     * Where readers spill: {@code <home>/work/reader-spill}, one folder per connection under it
     * (DuckDB's temporary file names are not unique across processes); never beside a snapshot,
     * whose folder other readers and the publish share.
     */
    public static Path readerSpill(Path home) {
        return home.resolve("work").resolve("reader-spill");
    }

    static DuckDbResources sized(int cores, long physical, long heap, Path spillFolder, long usableDisk) {
        long free = physical - heap - JVM_RESERVE;
        long memory = Math.max(MIN_MEMORY, free / SHARE_OF_FREE);
        return new DuckDbResources(Math.max(1, cores), memory / MIB * MIB, spillFolder, Math.max(GIB, usableDisk / 2));
    }

    /** The statements that apply these resources to a connection, in order. */
    public String[] settings() {
        String spill = spillFolder == null
                ? null
                : "SET temp_directory = '"
                        + spillFolder.toAbsolutePath().toString().replace("'", "''") + "'";
        String[] base = {
            "SET threads = " + threads,
            "SET memory_limit = '" + memoryBytes / MIB + "MiB'",
            "SET max_temp_directory_size = '" + maxSpillBytes / MIB + "MiB'",
        };
        if (spill == null) {
            return base;
        }
        return new String[] {base[0], base[1], spill, base[2]};
    }

    /**
     * These resources as DuckDB JDBC URL settings ({@code ;threads=2;memory_limit=1024MiB;...}), which
     * bound the database from the moment it opens, before any SQL runs.
     */
    public String urlSettings() {
        StringBuilder url = new StringBuilder();
        url.append(";threads=")
                .append(threads)
                .append(";memory_limit=")
                .append(memoryBytes / MIB)
                .append("MiB");
        if (spillFolder != null) {
            String folder = spillFolder.toAbsolutePath().toString();
            if (folder.contains(";")) {
                throw new IllegalStateException("a DuckDB JDBC URL cannot name a path with ';': " + folder);
            }
            url.append(";temp_directory=").append(folder);
        }
        return url.append(";max_temp_directory_size=")
                .append(maxSpillBytes / MIB)
                .append("MiB")
                .toString();
    }

    /** Creates the spill folder (owner-only) if one is set. */
    public void prepareSpillFolder() throws IOException {
        if (spillFolder != null) {
            // DuckDB's spill files take the process's umask: the folder keeps them from others
            OwnerOnly.restrict(OwnerOnly.createDirectories(spillFolder));
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d threads, %d MiB memory, spill %s (at most %d MiB)",
                threads,
                memoryBytes / MIB,
                Objects.toString(spillFolder, "beside the file"),
                maxSpillBytes / MIB);
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 4 * GIB;
    }

    private static long usableDisk(Path folder) {
        try {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? 10 * GIB : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return 10 * GIB;
        }
    }
}
