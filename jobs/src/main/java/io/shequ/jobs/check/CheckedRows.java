package io.shequ.jobs.check;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.Map;

/**
 * What a dataset's rules did to its rows in one check: rows taken into quarantine by error-level
 * row rules, rows kept but recorded by warn-level ones.
 */
public record CheckedRows(long quarantined, long warned) {

    /** The run ledger's {@code data_quality_rows}: stage ({@code staged}, {@code lake}) → dataset → rows. */
    public static final LedgerEntry<Map<String, Map<String, CheckedRows>>> LEDGER =
            LedgerEntry.of(LedgerSection.DATA_QUALITY_ROWS, new TypeReference<>() {});
}
