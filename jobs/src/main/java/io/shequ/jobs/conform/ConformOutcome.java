package io.shequ.jobs.conform;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run ledger's {@code conform} section: how each source's names were resolved, the mirror
 * rows pseudonymized, what became of the grid state, and the rows of every conformed table and
 * of every dataset's unresolved rows (by name, beside the named entries, as the run summary shows
 * them).
 */
public final class ConformOutcome {

    /** The section, written by conform and read by lake, publish and the input quality. */
    public static final LedgerEntry<ConformOutcome> LEDGER =
            LedgerEntry.of(LedgerSection.CONFORM, new TypeReference<>() {});

    /** {@code grid_state} when the increment changed nothing: there is no merged state to commit. */
    public static final String GRID_UNCHANGED = "unchanged";

    @JsonProperty("resolution")
    private final Map<String, Map<String, Object>> resolution = new LinkedHashMap<>();

    @JsonProperty("grid_mirror_pseudonymized")
    private final List<String> gridMirrorPseudonymized = new ArrayList<>();

    @JsonProperty("grid_state")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private String gridState;

    @JsonProperty("grid_events_recomputed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Long gridEventsRecomputed;

    private final Map<String, Long> rows = new LinkedHashMap<>();

    /** A source's name resolution ({@link ResolutionTally}): rows by method and failure, and the rate. */
    public void resolution(String source, Map<String, Object> tally) {
        resolution.put(source, tally);
    }

    public Map<String, Map<String, Object>> resolution() {
        return Collections.unmodifiableMap(resolution);
    }

    /** The grid mirror's tables whose clear reporters were pseudonymized in place. */
    public void gridMirrorPseudonymized(List<String> tables) {
        gridMirrorPseudonymized.clear();
        gridMirrorPseudonymized.addAll(tables);
    }

    /** {@code rebuilt}, {@code merged} or {@link #GRID_UNCHANGED}. */
    public void gridState(String state) {
        this.gridState = state;
    }

    public Optional<String> gridState() {
        return Optional.ofNullable(gridState);
    }

    /** Whether the grid increment left the grid state as it was. */
    public boolean gridUnchanged() {
        return GRID_UNCHANGED.equals(gridState);
    }

    public void gridEventsRecomputed(long events) {
        this.gridEventsRecomputed = events;
    }

    /** Rows of conformed table {@code table}, or of a dataset's unresolved rows ({@code <dataset>_unresolved}). */
    @JsonAnySetter
    public void rows(String table, long count) {
        rows.put(table, count);
    }

    @JsonAnyGetter
    public Map<String, Long> rows() {
        return Collections.unmodifiableMap(rows);
    }
}
