package io.shequ.jobs.extract;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.List;

/**
 * A file source a run did not stage again: its landed entries, the reference data, settings and
 * build that bear on it are those of an earlier run, whose rows the lake and the warehouse hold
 * ({@link SourceReads}). Its rows, quarantine and findings are that run's.
 *
 * @param source the source's ledger name
 * @param files  the entries of its folder, landed and found the same
 * @param readBy the run that read them and whose rows stay published
 */
public record UnchangedSource(String source, int files, String readBy) {

    /** The run ledger's {@code unchanged_sources}: written by extract, read by stage, publish and the summary. */
    public static final LedgerEntry<List<UnchangedSource>> LEDGER =
            LedgerEntry.of(LedgerSection.UNCHANGED_SOURCES, new TypeReference<>() {});
}
