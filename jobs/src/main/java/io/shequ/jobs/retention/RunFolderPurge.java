package io.shequ.jobs.retention;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunIds;
import io.shequ.schemas.home.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deletes the folders of past runs under one raw zone ({@code <home>/quarantine},
 * {@code <home>/staging}, {@code <home>/landing/tables}, …: one folder per run id) once they are
 * older than the configured number of days. A run's folder is as old as the newest file in it, so
 * a folder a restarted run wrote into again is kept for the full period from then. A folder not
 * named like a run id is no run's and is left alone ({@code work/duckdb-spill}).
 */
public final class RunFolderPurge {

    /**
     * What one purge of one zone did.
     *
     * @param keepDays       the period applied
     * @param runs           run folders deleted
     * @param files          regular files they held
     * @param keptUnfinished run folders past the period kept because their run may still be restarted
     */
    /** The run ledger's {@code dq_warned_purge}: past runs' warned rows deleted by check. */
    public static final LedgerEntry<Purged> DQ_WARNED =
            LedgerEntry.of(LedgerSection.DQ_WARNED_PURGE, new TypeReference<>() {});

    public record Purged(int keepDays, int runs, long files, List<String> keptUnfinished) {

        public Purged {
            keptUnfinished = List.copyOf(keptUnfinished);
        }
    }

    private final Path root;
    private final Clock clock;

    /** @param root the folder holding one folder per run */
    public RunFolderPurge(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /**
     * Deletes every run folder older than {@code keepDays}, except the current run's and those of
     * the runs in {@code unfinished} (which a restart may still read: see {@link RawZonePurge}).
     */
    public Purged purge(int keepDays, String currentRunId, Set<String> unfinished) {
        if (keepDays < 1) {
            throw new IllegalArgumentException("keep raw zones at least one day, got " + keepDays);
        }
        if (!Files.isDirectory(root)) {
            return new Purged(keepDays, 0, 0, List.of());
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(keepDays));
        int runs = 0;
        long files = 0;
        List<String> keptUnfinished = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path run : children.filter(Files::isDirectory).sorted().toList()) {
                String runId = run.getFileName().toString();
                if (!RunIds.isRunId(runId)
                        || runId.equals(currentRunId)
                        || !newest(run).isBefore(cutoff)) {
                    continue;
                }
                if (unfinished.contains(runId)) {
                    keptUnfinished.add(runId);
                    continue;
                }
                files += FileTrees.delete(run);
                runs++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("purging run folders under " + root, e);
        }
        return new Purged(keepDays, runs, files, keptUnfinished);
    }

    private static Instant newest(Path run) throws IOException {
        try (Stream<Path> walk = Files.walk(run)) {
            FileTime newest = FileTime.fromMillis(0);
            for (Path p : walk.toList()) {
                FileTime modified = Files.getLastModifiedTime(p);
                if (modified.compareTo(newest) > 0) {
                    newest = modified;
                }
            }
            return newest.toInstant();
        }
    }
}
