package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.conform.ConformOutcome;
import io.shequ.jobs.conform.GridEventKeys;
import io.shequ.jobs.conform.GridEventsToFacts;
import io.shequ.jobs.conform.GridFactsBasis;
import io.shequ.jobs.conform.GridsToDimension;
import io.shequ.jobs.conform.TouchedFactsMerge;
import io.shequ.jobs.conform.TouchedGridEvents;
import io.shequ.jobs.dimension.LakeDimensions;
import io.shequ.jobs.gridstate.GridMirror;
import io.shequ.jobs.gridstate.GridState;
import io.shequ.jobs.gridstate.GridStateChanges;
import io.shequ.jobs.gridstate.MonthFiles;
import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.jobs.stage.HomeTaxonomies;
import io.shequ.jobs.stage.Quarantine;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The conform step's grid part: the run's staged increment merged into the grid mirror →
 * {@code dim_grid} and {@code fct_grid_events}. The facts are those of the whole merged state, but
 * only the events the increment touches ({@link TouchedGridEvents}) are recomputed and merged into
 * the facts kept with the current state ({@link TouchedFactsMerge}); the facts are rebuilt whole
 * when none were kept or their basis ({@link GridFactsBasis}) changed. The mirror and the kept facts
 * are stored by report month ({@link MonthFiles}): the touched events are recomputed from their
 * months' events and flows, and only the months they were and are in are rewritten in the facts.
 * An increment that changes nothing in the state (rows read again) writes neither table nor a
 * merged state: the lake keeps both tables at their current snapshot. The events without a community are quarantined every run.
 */
final class GridConform {

    static final String FACTS = "fct_grid_events";

    /** Writes a conformed table and counts it into the step's ledger entry. */
    interface TableWriter {
        void write(Dataset<Row> rows, String table);

        /** Counts a table written in place into the ledger entry. */
        void count(String table);
    }

    /** The conformed dimensions the facts' keys come from. */
    record Dims(Dataset<Row> divisions, Dataset<Row> categories, Dataset<Row> channels) {}

    private final SparkSession spark;
    private final GridMirror mirror;
    private final ReportersToPseudonyms reporters;
    private final Path home;

    GridConform(SparkSession spark, GridMirror mirror, ReportersToPseudonyms reporters, Path home) {
        this.spark = spark;
        this.mirror = mirror;
        this.reporters = reporters;
        this.home = home;
    }

    /** Returns whether the run wrote {@code fct_grid_events}. */
    boolean conform(
            String runId,
            Path staging,
            Path conformed,
            Dims dims,
            Quarantine quarantine,
            TableWriter writer,
            ConformOutcome counts) {
        HomeTaxonomies taxonomies = HomeTaxonomies.of(home);
        String basis =
                GridFactsBasis.of(dims.divisions(), dims.categories(), dims.channels(), home.resolve("taxonomies"));
        Optional<GridState> before = mirror.current(spark);
        Optional<GridMirror.Facts> kept =
                mirror.currentFacts(spark).filter(f -> f.basis().equals(basis));
        GridState increment = GridMirror.increment(spark, staging, reporters);
        Optional<GridMirror.Scope> scope = before.map(b -> mirror.scope(spark, b, increment));
        GridStateChanges changes = null;
        if (scope.isPresent() && kept.isPresent()) {
            changes = GridStateChanges.between(scope.get().touched(), increment);
            if (changes.none()) {
                changes.release();
                counts.gridState(ConformOutcome.GRID_UNCHANGED);
                GridState current = before.get();
                counts.rows(
                        "grid_events_unresolved",
                        quarantine.write(
                                "conform_grid_events",
                                new GridEventsToFacts()
                                        .apply(current.events(), current.flows(), current.grids())
                                        .rejected()));
                return false;
            }
        }
        GridState merged = mirror.merge(spark, runId, increment, scope);
        GridEventsToFacts.Result whole = new GridEventsToFacts().apply(merged.events(), merged.flows(), merged.grids());
        writer.write(
                new GridsToDimension()
                        .apply(
                                merged.grids(),
                                merged.events(),
                                new LakeDimensions(spark).current(GridsToDimension.TABLE, GridsToDimension.KEY)),
                GridsToDimension.TABLE);
        GridEventKeys keys = new GridEventKeys(
                new GridEventKeys.Dims(
                        read(conformed, GridsToDimension.TABLE), dims.divisions(), dims.categories(), dims.channels()),
                taxonomies);
        Path facts = conformed.resolve(FACTS);
        if (changes == null) {
            counts.gridState("rebuilt");
            MonthFiles.write(keys.apply(whole.facts()), MonthFiles.ofReportMonth(), facts, Optional.empty(), Set.of());
        } else {
            Dataset<Row> touched = new TouchedGridEvents()
                    .apply(changes, before.get().grids(), merged)
                    .cache();
            counts.gridState("merged");
            counts.gridEventsRecomputed(touched.count());
            // an event, its flows and its fact live in the event's month: the touched events' months now
            // are read to recompute them, and with their months before, rewritten in the facts
            Set<Integer> monthsNow = MonthFiles.monthsOf(
                    merged.events().join(touched, "event_id", "left_semi"), MonthFiles.ofReportedAt());
            GridState source = mirror.inMonths(spark, runId, monthsNow);
            GridEventsToFacts.Result recomputed = new GridEventsToFacts()
                    .apply(
                            source.events().join(touched, "event_id", "left_semi"),
                            source.flows().join(touched, "event_id", "left_semi"),
                            merged.grids());
            Path keptFolder = kept.get().folder();
            Optional<Set<Integer>> months = MonthFiles.byMonth(keptFolder).map(byMonth -> {
                Set<Integer> m = new TreeSet<>(monthsNow);
                m.addAll(MonthFiles.monthsOf(
                        before.get().events().join(touched, "event_id", "left_semi"), MonthFiles.ofReportedAt()));
                return m;
            });
            MonthFiles.write(
                    new TouchedFactsMerge()
                            .apply(
                                    months.map(m -> MonthFiles.read(spark, keptFolder, m))
                                            .orElse(kept.get().facts()),
                                    touched,
                                    keys.apply(recomputed.facts())),
                    MonthFiles.ofReportMonth(),
                    facts,
                    months.map(m -> keptFolder),
                    months.orElse(Set.of()));
            touched.unpersist();
            changes.release();
        }
        writer.count(FACTS);
        mirror.keepFacts(runId, facts, basis);
        counts.rows("grid_events_unresolved", quarantine.write("conform_grid_events", whole.rejected()));
        return true;
    }

    private Dataset<Row> read(Path folder, String table) {
        return spark.read().parquet(folder.resolve(table).toString());
    }
}
