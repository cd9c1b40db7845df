package io.shequ.jobs.gridstate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.schemas.home.FileTrees;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The merged vendor state of the grid system on disk: {@code <root>/<run-id>/{grid,event,event_flow}}
 * as Parquet, one folder per run that merged, and a {@code CURRENT} file naming the folder of the
 * last committed run. Events and flows are kept by report month ({@link MonthFiles}): a run merges
 * and writes the months its increment names ({@link Scope}) and hard-links the others from the
 * committed folder, so a day's events cost their months, not the whole state. CURRENT is replaced
 * by an atomic rename, so a reader sees the previous state or the next one. The state is kept for good (it is what every later run merges into), so it holds
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

    /** The most events whose months are sent whole to every task (some 100 MiB at most). */
    static final long MONTHS_BROADCAST = 2_000_000;

    private static final String EVENT_OF_FLOW = "_event_of_flow";
    private static final String MONTH_OF_FLOW = "_month_of_flow";

    /**
     * The grid facts a run built from its merged state, and their basis.
     *
     * @param facts {@code fct_grid_events} as conform wrote it, before the lake's checks
     * @param basis what the keys were built on besides the state; facts on another basis are rebuilt
     */
    public record Facts(Dataset<Row> facts, String basis, Path folder) {}

    /**
     * The part of the committed state an increment can change: the report months of the events it
     * names, as the increment and the state date them, and month {@link MonthFiles#NO_MONTH}, which
     * holds the flows of events the state does not know; every row the merge can replace or move
     * lives in them. Empty months mean the whole state (kept by an earlier release, not by month).
     *
     * @param touched the committed state's rows in those months (grids whole: they are few)
     * @param months  the months, or empty for the whole state
     * @param folder  the committed state's folder
     */
    public record Scope(GridState touched, Optional<Set<Integer>> months, Path folder) {}

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
                            .strip(),
                    folder.get().resolve(FACTS)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the grid facts of " + folder.get(), e);
        }
    }

    /**
     * Keeps the facts a run built from its merged state (not yet current: they become current with
     * the state, by {@link #promote}), hard-linked file by file, their months kept in the names. The
     * basis is written after them, so a run killed half-way leaves no basis and is rebuilt whole,
     * never merged into.
     */
    public void keepFacts(String runId, Path facts, String basis) {
        Path folder = root.resolve(runId);
        try {
            Files.deleteIfExists(folder.resolve(FACTS_BASIS));
            MonthFiles.linkAll(facts, folder.resolve(FACTS));
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
     * Writes a whole merged state as a run's (not yet current), and reads it back from disk. Refuses
     * events that still hold a reporter in clear: the mirror outlives every raw zone's retention.
     */
    public GridState write(SparkSession spark, String runId, GridState merged) {
        return writeByMonth(spark, runId, merged, Optional.empty());
    }

    /**
     * Which part of the committed state {@code before} (in folder {@link #currentRun}) the increment
     * can change ({@link Scope}): the months of the events it names, read from the state's event ids
     * and report times only, and those months' rows.
     *
     * @param increment the run's staged increment, its reporters pseudonymized
     */
    public Scope scope(SparkSession spark, GridState before, GridState increment) {
        Path folder = root.resolve(currentRun().orElseThrow());
        Path events = folder.resolve(GridState.EVENT);
        Path flows = folder.resolve(GridState.EVENT_FLOW);
        if (MonthFiles.byMonth(events).isEmpty() || MonthFiles.byMonth(flows).isEmpty()) {
            return new Scope(before, Optional.empty(), folder);
        }
        Dataset<Row> named = increment
                .events()
                .select("event_id")
                .union(increment.flows().select("event_id"))
                .distinct();
        Set<Integer> months = new TreeSet<>(MonthFiles.monthsOf(increment.events(), MonthFiles.ofReportedAt()));
        months.addAll(MonthFiles.monthsOf(
                IncrementKeys.of(named, "event_id")
                        .map(keys -> keys.named(before.events()))
                        .orElseGet(() -> before.events().join(named, "event_id", "left_semi")),
                MonthFiles.ofReportedAt()));
        months.add(MonthFiles.NO_MONTH);
        return new Scope(
                new GridState(
                        before.grids(), MonthFiles.read(spark, events, months), MonthFiles.read(spark, flows, months)),
                Optional.of(months),
                folder);
    }

    /**
     * The increment staged in {@code staged} as the mirror holds rows: its reporters pseudonymized
     * ({@code reporters}); staging keeps them in clear until the raw zones' retention purges it.
     */
    public static GridState increment(SparkSession spark, Path staged, ReportersToPseudonyms reporters) {
        GridState increment = GridState.read(spark, staged);
        return new GridState(increment.grids(), reporters.apply(increment.events()), increment.flows());
    }

    /** Merges the increment staged in {@code staged} into the committed state, in the scope it names. */
    public GridState merge(SparkSession spark, String runId, Path staged, ReportersToPseudonyms reporters) {
        GridState increment = increment(spark, staged, reporters);
        return merge(spark, runId, increment, current(spark).map(before -> scope(spark, before, increment)));
    }

    /**
     * Merges a run's increment into the committed state ({@link GridStateMerge}) as the run's merged
     * state (not yet current), and reads the whole of it back from disk. Only the months of {@code
     * scope} are merged and written; the state's other months are linked from the committed folder.
     * With no committed state the increment is the state.
     *
     * @param increment the run's staged increment, its reporters pseudonymized ({@link #increment})
     */
    public GridState merge(SparkSession spark, String runId, GridState increment, Optional<Scope> scope) {
        GridState merged = new GridStateMerge().apply(scope.map(Scope::touched), increment);
        return writeByMonth(spark, runId, merged, scope.filter(s -> s.months().isPresent()));
    }

    /**
     * Writes the state's grids whole, its events and flows by month: an event in its report month,
     * a flow in its event's (month {@link MonthFiles#NO_MONTH} while the state has no such event).
     * With a scope, {@code merged} holds the scope's months only and the other months are linked.
     */
    private GridState writeByMonth(SparkSession spark, String runId, GridState merged, Optional<Scope> scope) {
        if (ReportersToPseudonyms.holdsClearIdentifiers(merged.events().schema())) {
            throw new IllegalArgumentException("the grid mirror keeps reporters pseudonymized only; the events of run "
                    + runId + " still hold " + ReportersToPseudonyms.CLEAR);
        }
        Path folder = root.resolve(runId);
        Set<Integer> months = scope.flatMap(Scope::months).orElse(Set.of());
        merged.grids()
                .write()
                .mode("overwrite")
                .parquet(folder.resolve(GridState.GRID).toString());
        Path events = folder.resolve(GridState.EVENT);
        MonthFiles.write(
                merged.events(),
                MonthFiles.ofReportedAt(),
                events,
                scope.map(s -> s.folder().resolve(GridState.EVENT)),
                months);
        Dataset<Row> written = scope.isPresent()
                ? MonthFiles.read(spark, events, months)
                : spark.read().parquet(events.toString());
        Dataset<Row> eventMonths = written.select(
                col("event_id").as(EVENT_OF_FLOW), MonthFiles.ofReportedAt().as(MONTH_OF_FLOW));
        // the flows, many times the events, pass through unshuffled while the events' months fit in memory
        if (written.count() <= MONTHS_BROADCAST) {
            eventMonths = broadcast(eventMonths);
        }
        MonthFiles.writeWithMonth(
                merged.flows()
                        .join(eventMonths, merged.flows().col("event_id").equalTo(col(EVENT_OF_FLOW)), "left")
                        .withColumn(MonthFiles.MONTH, coalesce(col(MONTH_OF_FLOW), lit(MonthFiles.NO_MONTH)))
                        .drop(EVENT_OF_FLOW, MONTH_OF_FLOW),
                folder.resolve(GridState.EVENT_FLOW),
                scope.map(s -> s.folder().resolve(GridState.EVENT_FLOW)),
                months);
        return GridState.read(spark, folder);
    }

    /**
     * The events and flows of {@code months} in the merged state {@code runId} wrote, with every grid:
     * all an event of those months needs to become a fact.
     */
    public GridState inMonths(SparkSession spark, String runId, Set<Integer> months) {
        Path folder = root.resolve(runId);
        return new GridState(
                spark.read().parquet(folder.resolve(GridState.GRID).toString()),
                MonthFiles.read(spark, folder.resolve(GridState.EVENT), months),
                MonthFiles.read(spark, folder.resolve(GridState.EVENT_FLOW), months));
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
