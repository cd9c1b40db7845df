package io.shequ.jobs.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes the quarantine of past runs once it is older than the configured number of days.
 * Quarantined rows keep the raw values, personal data among them, so they must not be kept
 * forever; a run's quarantine is as old as the newest file in it, so a folder a restarted run
 * wrote into again is kept for the full period from then.
 */
public final class QuarantinePurge {

    /** What one purge removed: whole run folders of quarantine, and the files they held. */
    public record Purged(int keepDays, int runs, long files) {
    }

    private final Path root;
    private final Clock clock;

    /** @param root the folder holding one quarantine folder per run ({@code <home>/quarantine}) */
    public QuarantinePurge(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** Deletes every run's quarantine older than {@code keepDays}, except {@code currentRunId}'s. */
    public Purged purge(int keepDays, String currentRunId) {
        if (keepDays < 1) {
            throw new IllegalArgumentException("keep quarantine at least one day, got " + keepDays);
        }
        if (!Files.isDirectory(root)) {
            return new Purged(keepDays, 0, 0);
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(keepDays));
        int runs = 0;
        long files = 0;
        try (Stream<Path> children = Files.list(root)) {
            for (Path run : children.filter(Files::isDirectory).sorted().toList()) {
                if (run.getFileName().toString().equals(currentRunId) || !newest(run).isBefore(cutoff)) {
                    continue;
                }
                files += delete(run);
                runs++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("purging quarantine under " + root, e);
        }
        return new Purged(keepDays, runs, files);
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

    /** Deletes {@code run} and all in it; returns the regular files deleted. */
    private static long delete(Path run) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(run)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        long files = 0;
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                files++;
            }
            Files.delete(p);
        }
        return files;
    }
}
