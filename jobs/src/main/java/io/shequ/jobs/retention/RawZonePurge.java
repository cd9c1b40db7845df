package io.shequ.jobs.retention;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.settings.Retention;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges past runs' raw zones, the folders that may hold personal data in clear: landed grid
 * tables ({@code landing/tables/<run>}), staging ({@code staging/<run>}) and the run's working
 * copies ({@code work/<run>}: the staged rows before the check, the conformed tables) after
 * {@code raw.keep-days}; the quarantine after {@code quarantine.keep-days}.
 *
 * <p>What is never purged, and why:
 * <ul>
 *   <li>the current run's folders;</li>
 *   <li>the folders of every unfinished run (still running, or FAILED/STOPPED and so restartable):
 *       a restart reruns the failed step on the run's own landed tables, staging and work folders,
 *       and would find them gone. A run whose folders are past the period for that reason is named
 *       in the summary ({@code kept_unfinished}) and in the log, so it is restarted or given up on
 *       rather than kept silently;</li>
 *   <li>nothing else a later run reads lives in these zones: the grid-state merge reads the mirror
 *       ({@code state/grid-mirror}, pseudonymized, kept), a backfill or retry restages the landed
 *       files ({@code landing/files}, no personal identifiers, kept for lineage) and re-extracts
 *       the grid system by window, and re-admission applies the corrections recorded under
 *       {@code state/admissions} to the landed files. Only exporting a run's quarantined rows
 *       needs its quarantine, which is why that follows its own period.</li>
 * </ul>
 */
public final class RawZonePurge {

    /** The run ledger's {@code quarantine_purge}: past runs' quarantine folders deleted by extract. */
    public static final LedgerEntry<RunFolderPurge.Purged> QUARANTINE =
            LedgerEntry.of(LedgerSection.QUARANTINE_PURGE, new TypeReference<>() {});

    /** The run ledger's {@code raw_purge}: past runs' raw zones deleted by extract. */
    public static final LedgerEntry<RawZones> RAW = LedgerEntry.of(LedgerSection.RAW_PURGE, new TypeReference<>() {});

    /** The raw zones a purge emptied of past runs: landed tables, staging and work folders. */
    public record RawZones(
            @JsonProperty("landing_tables") RunFolderPurge.Purged landingTables,
            RunFolderPurge.Purged staging,
            RunFolderPurge.Purged work) {}

    /** What one purge removed, zone by zone. */
    public record Result(
            RunFolderPurge.Purged landingTables,
            RunFolderPurge.Purged staging,
            RunFolderPurge.Purged work,
            RunFolderPurge.Purged quarantine) {

        /** The raw zones alone, as the run ledger's {@link #RAW} holds them. */
        public RawZones raw() {
            return new RawZones(landingTables, staging, work);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RawZonePurge.class);

    private final HomeLayout layout;
    private final Retention retention;
    private final Clock clock;

    public RawZonePurge(HomeLayout layout, Retention retention, Clock clock) {
        this.layout = layout;
        this.retention = retention;
        this.clock = clock;
    }

    /** Purges every zone, keeping {@code currentRunId}'s folders and those of the {@code unfinished} runs. */
    public Result purge(String currentRunId, Set<String> unfinished) {
        Result result = new Result(
                zone(layout.landingTables(currentRunId).getParent(), retention.rawKeepDays(), currentRunId, unfinished),
                zone(layout.staging(currentRunId).getParent(), retention.rawKeepDays(), currentRunId, unfinished),
                zone(layout.home().resolve("work"), retention.rawKeepDays(), currentRunId, unfinished),
                zone(
                        layout.quarantine(currentRunId).getParent(),
                        retention.quarantineKeepDays(),
                        currentRunId,
                        unfinished));
        Set<String> kept = new TreeSet<>();
        for (RunFolderPurge.Purged zone :
                List.of(result.landingTables(), result.staging(), result.work(), result.quarantine())) {
            kept.addAll(zone.keptUnfinished());
        }
        for (String run : kept) {
            LOG.warn(
                    "run {} is unfinished (failed, stopped or running): its raw zones, personal data among them, are kept "
                            + "past their period so that a restart finds them; restart it (shequ restart --config ... {}) to let "
                            + "them go",
                    run,
                    run);
        }
        return result;
    }

    private RunFolderPurge.Purged zone(Path root, int keepDays, String currentRunId, Set<String> unfinished) {
        return new RunFolderPurge(root, clock).purge(keepDays, currentRunId, unfinished);
    }
}
