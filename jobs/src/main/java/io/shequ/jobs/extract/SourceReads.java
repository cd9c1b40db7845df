package io.shequ.jobs.extract;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last published read of each file source ({@code state/source-reads.json}): the fingerprint
 * of its inputs ({@link SourceFingerprint}), the run that read them, and the lake snapshot its
 * tables had when that run published. A plain run whose inputs have the same fingerprint does not
 * stage the source again ({@link #unchanged}) as long as the lake still holds exactly those
 * snapshots (no later write, backfill or retry replaced them), the run that read it still keeps
 * its quarantine (so its quarantined rows stay open for review) and a warehouse snapshot is current
 * (the source's published quality rows are carried over from it).
 */
public final class SourceReads {

    /**
     * One published read of a source.
     *
     * @param fingerprint the inputs' fingerprint
     * @param run         the run that read them
     * @param files       how many entries of its folder landed
     * @param tables      the source's lake tables and their snapshot ids as published
     */
    public record Read(String fingerprint, String run, int files, Map<String, Long> tables) {
        public Read {
            tables = Map.copyOf(tables);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SourceReads.class);
    private static final TypeReference<TreeMap<String, Read>> TYPE = new TypeReference<>() {};

    private final HomeLayout layout;
    private final Path file;

    public SourceReads(HomeLayout layout) {
        this.layout = layout;
        this.file = layout.state().resolve("source-reads.json");
    }

    /** The last published read of {@code source}. */
    public Optional<Read> of(String source) {
        return Optional.ofNullable(all().get(source));
    }

    /**
     * {@code source} as the last published read left it, when its inputs have {@code fingerprint}
     * again, its tables are at the snapshots {@code snapshotOf} tells (-1: no such table) that read
     * published, that read's quarantine is still kept and a warehouse snapshot is current.
     */
    public Optional<UnchangedSource> unchanged(String source, String fingerprint, ToLongFunction<String> snapshotOf) {
        return of(source)
                .filter(read -> read.fingerprint().equals(fingerprint))
                .filter(read -> !read.tables().isEmpty()
                        && read.tables().entrySet().stream()
                                .allMatch(t -> snapshotOf.applyAsLong(t.getKey()) == t.getValue()))
                .filter(read -> Files.isDirectory(layout.quarantine(read.run())))
                // the warehouse carries a source's published quality rows from its current snapshot
                .filter(read -> Files.exists(layout.currentWarehouse()))
                .map(read -> new UnchangedSource(source, read.files(), read.run()));
    }

    /** Records that {@code source} was read as {@code read} and published, replacing its earlier read. */
    public synchronized void record(String source, Read read) {
        TreeMap<String, Read> all = all();
        all.put(source, read);
        try {
            OwnerOnly.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = OwnerOnly.newOutputStream(tmp)) {
                RunLedger.JSON.writerWithDefaultPrettyPrinter().writeValue(out, all);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("recording the read of " + source + " in " + file, e);
        }
    }

    /**
     * Forgets every read, so the next run reads every file source again: for when the published
     * warehouse no longer holds what those reads published (a rollback to an earlier snapshot).
     */
    public synchronized void forgetAll() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("forgetting the file sources' reads in " + file, e);
        }
    }

    private TreeMap<String, Read> all() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return RunLedger.JSON.readValue(file.toFile(), TYPE);
        } catch (IOException e) {
            // state that cannot be read costs a full read of every file source, never the run
            LOG.warn("{} cannot be read ({}): every file source is read again", file, e.getMessage());
            return new TreeMap<>();
        }
    }
}
