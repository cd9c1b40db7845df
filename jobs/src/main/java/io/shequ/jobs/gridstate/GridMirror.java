package io.shequ.jobs.gridstate;

import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.schemas.home.FileTrees;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The merged vendor state of the grid system on disk: {@code <root>/<run-id>/{grid,event,event_flow}}
 * as Parquet, one folder per run that merged, and a {@code CURRENT} file naming the folder of the
 * last committed run. CURRENT is replaced by an atomic rename, so a reader sees the previous state
 * or the next one. The state is kept for good (it is what every later run merges into), so it holds
 * no reporter in clear: events are written with the reporter's pseudonym, age band and sex only
 * ({@link ReportersToPseudonyms}); a mirror an earlier release wrote with clear columns is rewritten
 * by {@link ClearReporterMigration}. Everything under the root is readable by its owner only; it
 * never goes to the lake or the warehouse.
 */
public final class GridMirror {

    static final String CURRENT = "CURRENT";
    /** The keyed grid facts a run built from its merged state, kept beside it for the next run to merge into. */
    static final String FACTS = "fct_grid_events";
    /** What those facts' keys were built on besides the state ({@code GridFactsBasis}). */
    static final String FACTS_BASIS = "fct_grid_events.basis";

    /**
     * The grid facts a run built from its merged state, and their basis.
     *
     * @param facts {@code fct_grid_events} as conform wrote it, before the lake's checks
     * @param basis what the keys were built on besides the state; facts on another basis are rebuilt
     */
    public record Facts(Dataset<Row> facts, String basis) {}

    private final Path root;

    public GridMirror(Path root) {
        this.root = root;
    }

    /** The committed merged state, or empty before the first committed run. */
    public Optional<GridState> current(SparkSession spark) {
        return currentRun().map(run -> GridState.read(spark, root.resolve(run)));
    }

    /**
     * The grid facts built from the current merged state, or empty when the state's run kept none
     * (a release before facts were kept, or no committed run): then the facts are rebuilt whole.
     */
    public Optional<Facts> currentFacts(SparkSession spark) {
        Optional<Path> folder = currentRun().map(root::resolve);
        if (folder.isEmpty()
                || !Files.isDirectory(folder.get().resolve(FACTS))
                || !Files.isRegularFile(folder.get().resolve(FACTS_BASIS))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Facts(
                    spark.read().parquet(folder.get().resolve(FACTS).toString()),
                    Files.readString(folder.get().resolve(FACTS_BASIS), StandardCharsets.UTF_8)
                            .strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the grid facts of " + folder.get(), e);
        }
    }

    /**
     * Keeps a copy of the facts a run built from its merged state (not yet current: they become
     * current with the state, by {@link #promote}). The Parquet files are copied, the basis written
     * after them, so a run killed half-way leaves no basis and is rebuilt whole, never merged into.
     */
    public void keepFacts(String runId, Path facts, String basis) {
        Path folder = root.resolve(runId);
        Path target = folder.resolve(FACTS);
        try {
            Files.deleteIfExists(folder.resolve(FACTS_BASIS));
            if (Files.exists(target)) {
                FileTrees.delete(target);
            }
            OwnerOnly.createDirectories(target);
            try (Stream<Path> files = Files.list(facts)) {
                for (Path file : files.filter(f -> Files.isRegularFile(f)
                                && !f.getFileName().toString().startsWith("."))
                        .toList()) {
                    OwnerOnly.restrict(Files.copy(file, target.resolve(file.getFileName())));
                }
            }
            OwnerOnly.writeString(folder.resolve(FACTS_BASIS), basis + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("keeping the grid facts of " + runId + " in " + folder, e);
        }
    }

    /** The run whose merged state is current. */
    public Optional<String> currentRun() {
        Path pointer = root.resolve(CURRENT);
        try {
            return Files.exists(pointer)
                    ? Optional.of(
                            Files.readString(pointer, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + pointer, e);
        }
    }

    /** The folder holding one merged state per run and the CURRENT pointer. */
    Path root() {
        return root;
    }

    /**
     * Writes a run's merged state (not yet current) and reads it back from disk. Refuses events
     * that still hold a reporter in clear: the mirror outlives every raw zone's retention.
     */
    public GridState write(SparkSession spark, String runId, GridState merged) {
        if (ReportersToPseudonyms.holdsClearIdentifiers(merged.events().schema())) {
            throw new IllegalArgumentException("the grid mirror keeps reporters pseudonymized only; the events of run "
                    + runId + " still hold " + ReportersToPseudonyms.CLEAR);
        }
        Path folder = root.resolve(runId);
        merged.write(folder);
        return GridState.read(spark, folder);
    }

    /**
     * Merges the staged increment in {@code staged} into the committed state ({@link GridStateMerge})
     * as a run's merged state (not yet current), and reads it back from disk. The increment's
     * reporters are pseudonymized first ({@code reporters}); staging keeps them in clear until the
     * raw zones' retention purges it.
     */
    public GridState merge(SparkSession spark, String runId, Path staged, ReportersToPseudonyms reporters) {
        GridState increment = GridState.read(spark, staged);
        Dataset<Row> events = reporters.apply(increment.events());
        Optional<GridState> before = current(spark);
        if (before.isEmpty()) {
            return adopt(spark, runId, staged, events);
        }
        return write(
                spark,
                runId,
                new GridStateMerge().apply(before, new GridState(increment.grids(), events, increment.flows())));
    }

    /**
     * With no earlier state the merge returns the increment unchanged: the grid and flow Parquet
     * files (no personal data in them) are copied rather than decoded and encoded again; the
     * events are written pseudonymized.
     */
    private GridState adopt(SparkSession spark, String runId, Path staged, Dataset<Row> events) {
        Path folder = root.resolve(runId);
        events.write().mode("overwrite").parquet(folder.resolve(GridState.EVENT).toString());
        try {
            for (String table : List.of(GridState.GRID, GridState.EVENT_FLOW)) {
                Path target = folder.resolve(table);
                if (Files.exists(target)) {
                    FileTrees.delete(target);
                }
                OwnerOnly.createDirectories(target);
                try (Stream<Path> files = Files.list(staged.resolve(table))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(file, target.resolve(file.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying the staged grid increment into " + folder, e);
        }
        return GridState.read(spark, folder);
    }

    /** True when {@code runId} has written a merged state. */
    public boolean has(String runId) {
        return Files.isDirectory(root.resolve(runId));
    }

    /**
     * Makes a run's merged state current (atomic rename of the pointer), then removes the states
     * older than the one it replaced. Promoting the current run again does nothing.
     */
    public void promote(String runId) {
        if (!has(runId)) {
            throw new IllegalStateException("run " + runId + " wrote no merged grid state under " + root);
        }
        Optional<String> previous = currentRun();
        if (previous.filter(runId::equals).isPresent()) {
            return;
        }
        try {
            Path tmp = root.resolve(CURRENT + ".tmp");
            OwnerOnly.writeString(tmp, runId + "\n");
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Set<String> keep = previous.map(p -> Set.of(runId, p)).orElse(Set.of(runId));
            try (Stream<Path> folders = Files.list(root)) {
                for (Path folder : folders.filter(Files::isDirectory).toList()) {
                    if (!keep.contains(folder.getFileName().toString())) {
                        FileTrees.delete(folder);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("promoting the grid state of " + runId, e);
        }
    }
}
