package io.shequ.jobs.partition;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a backfill or retry run processes, written into the run ledger ({@code scope}) before the
 * run starts; a plain run has none and processes every configured source whole.
 *
 * @param kind       run, backfill or retry
 * @param files      per file source, the locations (relative to its source folder) to land and stage; a file
 *                   source not named here is not read at all
 * @param gridFrom   the grid system is re-extracted for rows with {@code updated_at} from here (inclusive) …
 * @param gridUntil  … until here (exclusive); both null when the grid system is not part of the scope
 */
public record RunScope(String kind, Map<String, Set<String>> files, LocalDateTime gridFrom, LocalDateTime gridUntil) {

    public static final String SECTION = "scope";
    public static final String RUN = "run";
    public static final String BACKFILL = "backfill";
    public static final String RETRY = "retry";

    public RunScope {
        files = Map.copyOf(files);
    }

    /** The scope recorded for {@code runId}, or null for a plain run. */
    public static RunScope of(HomeLayout layout, String runId) {
        JsonNode node = new RunLedger(layout, runId).get(SECTION);
        return node == null || node.isNull() ? null : RunLedger.JSON.convertValue(node, RunScope.class);
    }

    /** Records this scope for the run about to start. */
    public void recordFor(HomeLayout layout, String runId) {
        new RunLedger(layout, runId).put(SECTION, this);
    }

    public boolean readsFiles(String source) {
        return files.containsKey(source) && !files.get(source).isEmpty();
    }

    public boolean readsGrid() {
        return gridFrom != null && gridUntil != null;
    }

    /** The landed files of {@code source} this scope names. */
    public List<LandedSource> select(String source, List<LandedSource> landed) {
        Set<String> wanted = files.getOrDefault(source, Set.of());
        return landed.stream().filter(f -> wanted.contains(f.location())).toList();
    }

    /** The run kind recorded in the ledger for a run with {@code scope} (null: a plain run). */
    public static String kindOf(RunScope scope) {
        return scope == null ? RUN : scope.kind();
    }
}
