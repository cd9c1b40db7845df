package io.shequ.jobs.run;

/**
 * Row accounting for one source file or table in one run: every row read is either staged or
 * quarantined, so {@code rowsRead == rowsStaged + rowsQuarantined} always holds.
 */
public record SourceAccount(
        String source, String location, long rowsRead, long rowsStaged, long rowsQuarantined, String note) {

    public SourceAccount {
        if (rowsRead != rowsStaged + rowsQuarantined) {
            throw new IllegalStateException("row accounting broken for " + location + ": read " + rowsRead
                    + " != staged " + rowsStaged + " + quarantined " + rowsQuarantined);
        }
    }
}
