package io.shequ.schemas.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Fault injection for the crash-recovery tests: named points in the pipeline where a process
 * can be frozen, so that a test kills it (kill -9) exactly there. Off unless the system property
 * {@value #PROPERTY} names the point; then the process writes the marker file
 * {@code <marker-dir>/<point>.paused} (folder from {@value #MARKER_DIR}, default the temporary
 * folder) and blocks for good. A production run never sets the property, and then reaching a
 * point costs one property lookup.
 */
public final class PausePoint {

    /** The system property naming the point to pause at, e.g. {@code -Dshequ.pause-at=lake-commit}. */
    public static final String PROPERTY = "shequ.pause-at";
    /** The system property naming the folder for the marker file. */
    public static final String MARKER_DIR = "shequ.pause-marker-dir";

    /** Stage step, after the street-office reports are staged and quarantined, before the ledgers. */
    public static final String STAGE_MIDWAY = "stage-midway";
    /** Lake step, between two tables' Iceberg commits: some tables hold the run's rows, others not yet. */
    public static final String LAKE_COMMIT = "lake-commit";
    /** Lake step, after the grid system's merged state became current, before the watermarks move. */
    public static final String GRID_COMMIT = "grid-commit";
    /** Publish step, inside the DuckDB build: lake tables loaded, models not yet built. */
    public static final String PUBLISH_BUILD = "publish-build";
    /** Publish step, snapshot built and audited, before the atomic switch of {@code current.duckdb}. */
    public static final String PUBLISH_BEFORE_SWITCH = "publish-before-switch";
    /** Publish step, right after the switch, before old snapshots are dropped and the step commits. */
    public static final String PUBLISH_AFTER_SWITCH = "publish-after-switch";

    private PausePoint() {}

    /** Pauses here for good if {@value #PROPERTY} names {@code point}; otherwise returns at once. */
    public static void reach(String point) {
        if (!point.equals(System.getProperty(PROPERTY))) {
            return;
        }
        Path folder = Path.of(System.getProperty(MARKER_DIR, System.getProperty("java.io.tmpdir")));
        Path marker = folder.resolve(point + ".paused");
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve(point + ".paused.tmp");
            Files.writeString(tmp, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the pause marker " + marker, e);
        }
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // stay paused: only a kill ends this process
            }
        }
    }
}
