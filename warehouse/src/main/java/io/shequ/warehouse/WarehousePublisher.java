package io.shequ.warehouse;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published warehouse under {@code <home>/warehouse/}: snapshot files in {@code snapshots/}
 * and {@code current.duckdb}, a relative symbolic link to the current one.
 *
 * <p>Publishing replaces the link by an atomic rename, so a reader that resolves the link sees
 * the previous or the next snapshot, never a partial one; a reader that already opened a file
 * keeps reading it, even after {@link #retain} deleted it. {@link #rollback} switches back to
 * the snapshot before the current one the same way.
 */
public final class WarehousePublisher {

    static final String CURRENT = "current.duckdb";
    static final String SNAPSHOTS = "snapshots";
    private static final String SUFFIX = ".duckdb";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Logger LOG = LoggerFactory.getLogger(WarehousePublisher.class);

    private final Path warehouse;
    private final SnapshotReaders readers;

    /** @param home the Shequ home folder; the warehouse lives in its {@code warehouse/} folder */
    public WarehousePublisher(Path home) {
        this(home, SnapshotReaders.OWNER_ONLY);
    }

    /**
     * @param home the Shequ home folder; the warehouse lives in its {@code warehouse/} folder
     * @param readers who besides the owner may read what is published ({@code warehouse.readers-group})
     */
    public WarehousePublisher(Path home, SnapshotReaders readers) {
        this.warehouse = home.toAbsolutePath().normalize().resolve("warehouse");
        this.readers = readers;
    }

    /** The {@code <home>/warehouse/} folder. */
    public Path folder() {
        return warehouse;
    }

    /** The link readers open: {@code <home>/warehouse/current.duckdb}. */
    public Path currentLink() {
        return warehouse.resolve(CURRENT);
    }

    /**
     * Where the snapshot of run {@code runId} is to be built; creates the snapshots folder.
     *
     * @throws IllegalArgumentException if the run id is not a plain file-name stem
     */
    public Path newSnapshotPath(String runId) {
        if (!RUN_ID.matcher(runId).matches() || runId.contains("..")) {
            throw new IllegalArgumentException("run id must be letters, digits, '.', '_' or '-': " + runId);
        }
        Path snapshots = warehouse.resolve(SNAPSHOTS);
        try {
            OwnerOnly.createDirectories(snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + snapshots, e);
        }
        return snapshots.resolve(runId + SUFFIX);
    }

    /**
     * Makes {@code snapshot} current by atomically replacing {@code current.duckdb}.
     *
     * @throws IllegalArgumentException if {@code snapshot} is not a snapshot file of this warehouse
     */
    public void publish(Path snapshot) {
        Path file = snapshot.toAbsolutePath().normalize();
        Path snapshots = warehouse.resolve(SNAPSHOTS);
        if (!snapshots.equals(file.getParent())
                || !file.getFileName().toString().endsWith(SUFFIX)
                || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("not a snapshot file in " + snapshots + ": " + snapshot);
        }
        Path target = Path.of(SNAPSHOTS, file.getFileName().toString());
        Path temporary = warehouse.resolve("." + CURRENT + "." + UUID.randomUUID() + ".tmp");
        grantReaders(file);
        try {
            Files.createSymbolicLink(temporary, target);
            Files.move(temporary, currentLink(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("publishing " + file, e);
        }
        LOG.info("published {} as {}", target, currentLink());
    }

    /**
     * Grants the readers ({@code warehouse.readers-group}) read access to the published {@code snapshot}
     * and the folders on its path; nothing when only the owner reads.
     */
    public void grantReaders(Path snapshot) {
        try {
            readers.grant(warehouse.getParent(), snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("granting " + readers + " read access to " + snapshot, e);
        }
    }

    /** The real file {@code current.duckdb} points to, or empty before the first publish. */
    public Optional<Path> current() {
        Path link = currentLink();
        if (!Files.exists(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(link.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("resolving " + link, e);
        }
    }

    /**
     * The snapshot files kept, newest first (by modification time, then name): the order
     * {@link #rollback} walks back through.
     */
    public List<Path> snapshots() {
        Path snapshots = warehouse.resolve(SNAPSHOTS);
        if (!Files.isDirectory(snapshots)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(snapshots)) {
            return files.filter(path -> path.getFileName().toString().endsWith(SUFFIX))
                    .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(WarehousePublisher::modified)
                            .thenComparing(Path::getFileName)
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + snapshots, e);
        }
    }

    /**
     * Makes the snapshot before the current one current again, by the same atomic switch as
     * {@link #publish}; called again, it goes one further back.
     *
     * @return the snapshot now current
     * @throws IllegalStateException if nothing is published or no older snapshot is kept
     */
    public Path rollback() {
        Path current = current()
                .orElseThrow(() -> new IllegalStateException(
                        "nothing is published in " + warehouse + ": there is no snapshot to roll back from"));
        List<Path> newestFirst = snapshots();
        int index = -1;
        for (int i = 0; i < newestFirst.size(); i++) {
            if (isSameFile(newestFirst.get(i), current)) {
                index = i;
            }
        }
        if (index < 0 || index + 1 >= newestFirst.size()) {
            throw new IllegalStateException("no snapshot older than the current " + current.getFileName()
                    + " is kept in " + warehouse.resolve(SNAPSHOTS) + ": nothing to roll back to");
        }
        Path previous = newestFirst.get(index + 1);
        publish(previous);
        LOG.info("rolled back from {} to {}", current.getFileName(), previous.getFileName());
        return previous;
    }

    /**
     * Deletes the oldest snapshot files beyond the newest {@code keep} (by modification time,
     * then name), never the current one.
     *
     * @return the files deleted, oldest first
     */
    public List<Path> retain(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
        Optional<Path> current = current();
        List<Path> newestFirst = snapshots();
        List<Path> deleted = new ArrayList<>();
        for (Path old : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
            if (current.isPresent() && isSameFile(old, current.get())) {
                continue;
            }
            try {
                Files.deleteIfExists(old);
                Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".wal"));
            } catch (IOException e) {
                throw new UncheckedIOException("deleting old snapshot " + old, e);
            }
            deleted.add(0, old);
        }
        LOG.info("retained {} newest snapshots, deleted {}", keep, deleted);
        return deleted;
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the time of " + path, e);
        }
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            throw new UncheckedIOException("comparing " + a + " with " + b, e);
        }
    }
}
