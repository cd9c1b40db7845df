package io.shequ.schemas.lake;

import java.util.List;

/**
 * One lake table as of one committed Iceberg snapshot: the Parquet data files that snapshot
 * reads, as absolute local paths or URIs, and its row count.
 */
public record LakeTable(String name, long snapshotId, long rowCount, List<String> dataFiles) {

    public LakeTable {
        dataFiles = List.copyOf(dataFiles);
    }
}
