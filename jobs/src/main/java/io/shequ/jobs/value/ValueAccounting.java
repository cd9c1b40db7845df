package io.shequ.jobs.value;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.List;

/**
 * The run ledger's {@code value_accounting}, which the run summary carries.
 *
 * @param unexplained how many differences no named row explains
 * @param run the sums per source and field for the whole run
 * @param files a {@link ValueAccount} per source file and numeric field
 */
public record ValueAccounting(long unexplained, List<ValueTotal> run, List<ValueAccount> files) {

    public static final LedgerEntry<ValueAccounting> LEDGER =
            LedgerEntry.of(LedgerSection.VALUE_ACCOUNTING, new TypeReference<>() {});

    /** The staged accounts kept aside before check, so that a restarted check adjusts them once. */
    public static final LedgerEntry<List<ValueAccount>> BEFORE_CHECK =
            LedgerEntry.of(LedgerSection.VALUE_ACCOUNTING_BEFORE_CHECK, new TypeReference<>() {});

    /** The accounts kept aside before the lake step, so that a restarted lake step adjusts them once. */
    public static final LedgerEntry<List<ValueAccount>> BEFORE_LAKE =
            LedgerEntry.of(LedgerSection.VALUE_ACCOUNTING_BEFORE_LAKE, new TypeReference<>() {});

    public ValueAccounting {
        run = run == null ? List.of() : List.copyOf(run);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The accounting of {@code accounts}: their unexplained differences and their run totals. */
    static ValueAccounting of(List<ValueAccount> accounts) {
        return new ValueAccounting(
                accounts.stream().mapToLong(a -> a.problems().size()).sum(), ValueTotal.of(accounts), accounts);
    }
}
