package io.shequ.jobs.extract;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run's incremental extract of the grid system read, kept in the run ledger: when it
 * started (vendor wall-clock, Asia/Shanghai), and per table the lower bound it read after and the
 * watermark it proposes. Staging judges future timestamps against {@code startedAt}; the run
 * commits the proposed watermarks once it has written the lake.
 *
 * @param startedAt when the extract began, in the vendor's wall-clock time
 * @param tables    one entry per table read
 */
public record GridExtract(LocalDateTime startedAt, List<TableIncrement> tables) {

    /** The run ledger's {@code grid_extract}: written by extract, read by stage and the lake step. */
    public static final LedgerEntry<GridExtract> LEDGER =
            LedgerEntry.of(LedgerSection.GRID_EXTRACT, new TypeReference<>() {});

    public GridExtract {
        tables = List.copyOf(tables);
    }

    /**
     * One table's increment.
     *
     * @param table               vendor table name
     * @param readAfter           rows with {@code updated_at} after this were read (committed watermark minus
     *                            the overlap); null for a full read
     * @param rows                rows read
     * @param watermarkCandidate  min(max {@code updated_at} read, {@code startedAt}), or the previous watermark when
     *                            nothing was read; null for tables without {@code updated_at} (event_flow)
     */
    public record TableIncrement(String table, LocalDateTime readAfter, long rows, LocalDateTime watermarkCandidate) {}

    /** The watermarks this extract proposes, by table; tables without one are left out. */
    public Map<String, LocalDateTime> watermarkCandidates() {
        Map<String, LocalDateTime> candidates = new LinkedHashMap<>();
        for (TableIncrement t : tables) {
            if (t.watermarkCandidate() != null) {
                candidates.put(t.table(), t.watermarkCandidate());
            }
        }
        return candidates;
    }
}
