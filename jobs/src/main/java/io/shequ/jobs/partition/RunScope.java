package io.shequ.jobs.partition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunLedger;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a backfill, retry or per-source run processes, written into the run ledger ({@code scope})
 * before the run starts; a plain run has none ({@link #PLAIN}) and processes every configured source whole.
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
        Kind kind, Map<String, Set<String>> files, LocalDateTime gridFrom, LocalDateTime gridUntil, Set<String> whole) {

    /** What kind of run; written in the ledgers by its {@link #id}. */
    public enum Kind {
        /** A plain run: every configured source, read whole. */
        RUN,
        /** The partitions of a date range, reprocessed. */
        BACKFILL,
        /** The failed and quarantined partitions, reprocessed. */
        RETRY,
        /** A scheduled run of some sources, each read whole; the other sources' lake tables stay as they are. */
        SOURCE;

        /** The name in the run ledger and the partition ledger: {@code run}, {@code backfill} … */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /** The run ledger's {@code scope}: what a backfill or retry reads; absent for a plain run. */
    public static final LedgerEntry<RunScope> LEDGER = LedgerEntry.of(LedgerSection.SCOPE, new TypeReference<>() {});

    /** A plain run: every configured source read whole (the grid system from its watermarks). */
    public static final RunScope PLAIN = new RunScope(Kind.RUN, Map.of(), null, null, Set.of());

    public RunScope {
        files = Map.copyOf(files);
        // sorted, so the ledger and summary name the sources in a stable order; null in ledgers written before it
        // existed
        whole = whole == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(whole));
    }

    /** A backfill or retry scope: parts of sources. */
    public RunScope(Kind kind, Map<String, Set<String>> files, LocalDateTime gridFrom, LocalDateTime gridUntil) {
        this(kind, files, gridFrom, gridUntil, Set.of());
    }

    /** A per-source run: {@code sources} (ledger names) read whole, the others not at all. */
    public static RunScope wholeSources(Set<String> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a per-source run names at least one source");
        }
        return new RunScope(Kind.SOURCE, Map.of(), null, null, sources);
    }

    /** The scope recorded for {@code runId}, or {@link #PLAIN} when none is. */
    public static RunScope of(HomeLayout layout, String runId) {
        return LEDGER.read(new RunLedger(layout, runId)).orElse(PLAIN);
    }

    /** Whether this is a plain run, which reads every configured source whole. */
    @JsonIgnore
    public boolean isPlain() {
        return kind == Kind.RUN;
    }

    /** Records this scope for the run about to start. */
    public void recordFor(HomeLayout layout, String runId) {
        LEDGER.write(new RunLedger(layout, runId), this);
    }

    public boolean readsFiles(String source) {
        return isPlain()
                || whole.contains(source)
                || files.containsKey(source) && !files.get(source).isEmpty();
    }

    /** Whether the grid system is re-extracted for an {@code updated_at} window (backfill, retry). */
    public boolean readsGrid() {
        return gridFrom != null && gridUntil != null;
    }

    /** Whether {@code source} is read whole, as a plain run reads it. */
    public boolean readsWhole(String source) {
        return isPlain() || whole.contains(source);
    }

    /**
     * Whether the run reads part of a source (some files, a grid window): its volumes are not
     * comparable with a plain run's. A per-source run reads each of its sources whole, so its
     * datasets compare with the same datasets of earlier runs.
     */
    public boolean partial() {
        return !isPlain() && !(!whole.isEmpty() && files.isEmpty() && !readsGrid());
    }

    /** The landed files of {@code source} this scope names (all of them for a source read whole). */
    public List<LandedSource> select(String source, List<LandedSource> landed) {
        if (readsWhole(source)) {
            return landed;
        }
        Set<String> wanted = files.getOrDefault(source, Set.of());
        return landed.stream().filter(f -> wanted.contains(f.location())).toList();
    }
}
