package io.shequ.jobs.extract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.List;
import java.util.Map;

/**
 * One source file or table as it sits in the landing area, with the manifest facts about it; or
 * an entry of a source folder that was refused at landing (a hidden file, a link outside the
 * folder, a file type Shequ does not read), accounted here all the same so staging quarantines it
 * whole and the summary, the manifest and the partition ledger name it.
 *
 * @param source    the source kind: street_office_reports, procurement_ledgers, grid_system
 * @param location  where it came from: the path relative to its source folder, or the table name
 * @param landed    the immutable landed copy (a file, or a folder of Parquet files for a table);
 *                  empty for a refused entry, whose bytes were not read
 * @param sha256    hash of the bytes (for a table: of its landed Parquet files); empty for a refused entry
 * @param bytes     size of the landed bytes (of a refused entry: its size when known, else 0)
 * @param modifiedMillis the source file's modification time, which orders resubmissions
 * @param duplicateOf location of an earlier source with the same bytes, or null (never set for an empty file)
 * @param arrivedMillis when these bytes first arrived in the landing area (an earlier run's landing time
 *                      for bytes seen before); a later arrival supersedes an earlier one
 * @param refusal   why the entry was not landed, or null for a landed source
 */
public record LandedSource(
        String source,
        String location,
        String landed,
        String sha256,
        long bytes,
        long modifiedMillis,
        String duplicateOf,
        long arrivedMillis,
        Refusal refusal) {

    /** The run ledger's {@code landed}: each source's landed entries, written by extract, read by stage and after. */
    public static final LedgerEntry<Map<String, List<LandedSource>>> LANDED =
            LedgerEntry.of(LedgerSection.LANDED, new TypeReference<>() {});

    /** Why an entry of a source folder was not landed: a reject rule code and a reason naming the entry. */
    public record Refusal(String rule, String reason) {}

    @JsonCreator
    public LandedSource {}

    /** A landed source (nothing refused). */
    public LandedSource(
            String source,
            String location,
            String landed,
            String sha256,
            long bytes,
            long modifiedMillis,
            String duplicateOf,
            long arrivedMillis) {
        this(source, location, landed, sha256, bytes, modifiedMillis, duplicateOf, arrivedMillis, null);
    }

    /** An entry refused at landing: nothing of it landed, staging quarantines it whole. */
    public static LandedSource refused(
            String source, String location, long bytes, long modifiedMillis, long arrivedMillis, Refusal refusal) {
        return new LandedSource(source, location, "", "", bytes, modifiedMillis, null, arrivedMillis, refusal);
    }

    @JsonIgnore
    public boolean isDuplicate() {
        return duplicateOf != null;
    }

    @JsonIgnore
    public boolean isRefused() {
        return refusal != null;
    }
}
