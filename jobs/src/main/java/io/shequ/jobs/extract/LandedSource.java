package io.shequ.jobs.extract;

/**
 * One source file or table as it sits in the landing area, with the manifest facts about it.
 *
 * @param source    the source kind: street_office_reports, procurement_ledgers, grid_system
 * @param location  where it came from: the path relative to its source folder, or the table name
 * @param landed    the immutable landed copy (a file, or a folder of Parquet files for a table)
 * @param sha256    hash of the bytes (for a table: of its landed Parquet files)
 * @param bytes     size of the landed bytes
 * @param modifiedMillis the source file's modification time, which orders resubmissions
 * @param duplicateOf location of an earlier source with the same bytes, or null
 * @param arrivedMillis when these bytes first arrived in the landing area (an earlier run's landing time
 *                      for bytes seen before); a later arrival supersedes an earlier one
 */
public record LandedSource(String source, String location, String landed, String sha256, long bytes,
                           long modifiedMillis, String duplicateOf, long arrivedMillis) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDuplicate() {
        return duplicateOf != null;
    }
}
