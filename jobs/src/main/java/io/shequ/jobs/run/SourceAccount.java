package io.shequ.jobs.run;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;

/**
 * Row accounting for one source file or table in one run: every row read is either staged or
 * quarantined, so {@code rowsRead == rowsStaged + rowsQuarantined} always holds.
 */
public record SourceAccount(
        String source, String location, long rowsRead, long rowsStaged, long rowsQuarantined, String note) {

    /** The run ledger's {@code sources}: written by stage, adjusted by check, read by the run's summary and after. */
    public static final LedgerEntry<List<SourceAccount>> SOURCES =
            LedgerEntry.of(LedgerSection.SOURCES, new TypeReference<>() {});

    /** {@link #SOURCES} as stage left them, kept so that a restarted check adjusts them once. */
    public static final LedgerEntry<List<SourceAccount>> BEFORE_CHECK =
            LedgerEntry.of(LedgerSection.SOURCES_BEFORE_CHECK, new TypeReference<>() {});

    public SourceAccount {
        if (rowsRead != rowsStaged + rowsQuarantined) {
            throw new IllegalStateException("row accounting broken for " + location + ": read " + rowsRead
                    + " != staged " + rowsStaged + " + quarantined " + rowsQuarantined);
        }
    }
}
