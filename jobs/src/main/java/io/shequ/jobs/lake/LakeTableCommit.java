package io.shequ.jobs.lake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.schemas.lake.LakeTable;
import java.util.List;

/**
 * A lake table's line in the run ledger's {@code lake}: its snapshot and rows, and what the run
 * committed to it: {@code whole}, {@code partitions} (the ones it replaced), {@code unchanged} (its
 * rows were those the table held; not committed), or {@code not_written} (the run did not write it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LakeTableCommit(
        String table,
        @JsonProperty("snapshot_id") long snapshotId,
        long rows,
        String committed,
        List<String> partitions) {

    /** The run ledger's {@code lake}: a line per lake table of the committed snapshot. */
    public static final LedgerEntry<List<LakeTableCommit>> LEDGER =
            LedgerEntry.of(LedgerSection.LAKE, new TypeReference<>() {});

    /** {@code table}'s line, given what the run wrote to it ({@code written}; null if nothing). */
    public static LakeTableCommit of(LakeTable table, LakeWriter.Written written) {
        String committed;
        List<String> partitions = null;
        if (written == null) {
            committed = "not_written";
        } else if (written.whole()) {
            committed = "whole";
        } else if (written.partitions().isEmpty()) {
            committed = "unchanged";
        } else {
            committed = "partitions";
            partitions = List.copyOf(written.partitions());
        }
        return new LakeTableCommit(table.name(), table.snapshotId(), table.rowCount(), committed, partitions);
    }
}
