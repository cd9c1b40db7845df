package io.shequ.jobs.check;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.List;

/**
 * One DQDL rule's result on one dataset: level is "error" (blocks publishing) or "warn".
 *
 * @param stage          {@link RuleStage#folder()}: "staged" or "lake"
 * @param failedRows     rows that failed a row-scoped rule ({@link DqdlRule#rowScoped()}), or null for a
 *                       rule about the whole dataset
 * @param rowsQuarantined true when the failing rows of an error-level row-scoped rule were taken out of
 *                       the data into quarantine: the rest of the data passes the rule, so it does not block
 */
public record RuleOutcome(
        String dataset,
        String level,
        String rule,
        String outcome,
        String reason,
        String stage,
        Long failedRows,
        boolean rowsQuarantined) {

    /** The run ledger's {@code data_quality}: the staged check's outcomes, then the lake check's. */
    public static final LedgerEntry<List<RuleOutcome>> LEDGER =
            LedgerEntry.of(LedgerSection.DATA_QUALITY, new TypeReference<>() {});

    /** The run ledger's {@code data_quality_no_rows}: the staged datasets the rules found no rows in. */
    public static final LedgerEntry<List<String>> NO_ROWS =
            LedgerEntry.of(LedgerSection.DATA_QUALITY_NO_ROWS, new TypeReference<>() {});

    /** A dataset-level outcome of a staged source (the shape before row-level results). */
    public RuleOutcome(String dataset, String level, String rule, String outcome, String reason) {
        this(dataset, level, rule, outcome, reason, RuleStage.STAGED.folder(), null, false);
    }

    public boolean failed() {
        return !"Passed".equalsIgnoreCase(outcome);
    }

    public boolean blocks() {
        return "error".equals(level) && failed() && !rowsQuarantined;
    }
}
