package io.shequ.jobs.partition;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a backfill, retry or per-source run processes, written into the run ledger ({@code scope})
 * before the run starts; a plain run has none and processes every configured source whole.
 *
 * @param kind       run, backfill or retry
 * @param files      per file source, the locations (relative to its source folder) to land and stage; a file
 *                   source not named here is not read at all
 * @param gridFrom   the grid system is re-extracted for rows with {@code updated_at} from here (inclusive) …
 * @param gridUntil  … until here (exclusive); both null when the grid system is not part of the scope
 * @param whole      sources read whole, as a plain run reads them (every file; the grid system
 *                   incrementally from its watermarks): a scheduled per-source run; empty otherwise
 */
public record RunScope(
        String kind,
        Map<String, Set<String>> files,
        LocalDateTime gridFrom,
        LocalDateTime gridUntil,
        Set<String> whole) {

    public static final String SECTION = "scope";
    public static final String RUN = "run";
    public static final String BACKFILL = "backfill";
    public static final String RETRY = "retry";
    /** A scheduled run of some sources, each read whole; the other sources' lake tables stay as they are. */
    public static final String SOURCE = "source";

    public RunScope {
        files = Map.copyOf(files);
        // sorted, so the ledger and summary name the sources in a stable order; null in ledgers written before it
        // existed
        whole = whole == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(whole));
    }

    /** A backfill or retry scope: parts of sources. */
    public RunScope(String kind, Map<String, Set<String>> files, LocalDateTime gridFrom, LocalDateTime gridUntil) {
        this(kind, files, gridFrom, gridUntil, Set.of());
    }

    /** A per-source run: {@code sources} (ledger names) read whole, the others not at all. */
    public static RunScope wholeSources(Set<String> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a per-source run names at least one source");
        }
        return new RunScope(SOURCE, Map.of(), null, null, sources);
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
        return whole.contains(source)
                || files.containsKey(source) && !files.get(source).isEmpty();
    }

    /** Whether the grid system is re-extracted for an {@code updated_at} window (backfill, retry). */
    public boolean readsGrid() {
        return gridFrom != null && gridUntil != null;
    }

    /** Whether {@code source} is read whole, as a plain run reads it. */
    public boolean readsWhole(String source) {
        return whole.contains(source);
    }

    /**
     * Whether the run reads part of a source (some files, a grid window): its volumes are not
     * comparable with a plain run's. A per-source run reads each of its sources whole, so its
     * datasets compare with the same datasets of earlier runs.
     */
    public static boolean partial(RunScope scope) {
        return scope != null && !(scope.whole.size() > 0 && scope.files.isEmpty() && !scope.readsGrid());
    }

    /** The landed files of {@code source} this scope names (all of them for a source read whole). */
    public List<LandedSource> select(String source, List<LandedSource> landed) {
        if (whole.contains(source)) {
            return landed;
        }
        Set<String> wanted = files.getOrDefault(source, Set.of());
        return landed.stream().filter(f -> wanted.contains(f.location())).toList();
    }

    /** The run kind recorded in the ledger for a run with {@code scope} (null: a plain run). */
    public static String kindOf(RunScope scope) {
        return scope == null ? RUN : scope.kind();
    }
}
