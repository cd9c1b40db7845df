package io.shequ.jobs.lake;

import io.shequ.jobs.spark.SparkSessionFactory;
import io.shequ.schemas.lake.LakeTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdatePartitionSpec;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;

/**
 * Writes conformed tables into the Iceberg lake: facts by dynamic partition overwrite (a rerun
 * replaces the partitions it carries and never duplicates), dimensions replaced whole. Each
 * write is one Iceberg commit; {@link #describe} reads back what the current snapshot holds.
 *
 * <p>Only what changed is committed. Every commit records the table's content fingerprints
 * ({@link PartitionFingerprints}) in its snapshot summary; a write whose rows match them is not
 * committed at all (the table keeps its snapshot, so publishing can see nothing changed), and a
 * partitioned write commits only the partitions whose rows differ.
 */
public final class LakeWriter {

    /** What one write did: the partitions it committed ({@code ""} for a whole unpartitioned table), none when unchanged. */
    public record Written(String table, List<String> partitions, boolean whole) {
        public boolean committed() {
            return whole || !partitions.isEmpty();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LakeWriter.class);
    /** Iceberg's write option that puts a property into the commit's snapshot summary. */
    private static final String SNAPSHOT_PROPERTY = "snapshot-property." + PartitionFingerprints.PROPERTY;

    private final SparkSession spark;

    public LakeWriter(SparkSession spark) {
        this.spark = spark;
        spark.sql(
                "CREATE NAMESPACE IF NOT EXISTS " + SparkSessionFactory.CATALOG + "." + SparkSessionFactory.NAMESPACE);
    }

    public static String qualified(String table) {
        return SparkSessionFactory.CATALOG + "." + SparkSessionFactory.NAMESPACE + "." + table;
    }

    /**
     * Replaces the partitions of {@code table} that {@code rows} holds and whose content changed,
     * creating the table if new. Partitions {@code rows} does not hold keep their rows.
     */
    public Written overwritePartitions(String table, Dataset<Row> rows, List<String> partitionColumns)
            throws Exception {
        String name = qualified(table);
        PartitionFingerprints next = PartitionFingerprints.of(rows, partitionColumns);
        if (!spark.catalog().tableExists(name)) {
            create(name, rows, partitionColumns, next);
            return new Written(table, List.of(), true);
        }
        evolve(name, rows, partitionColumns);
        PartitionFingerprints held = fingerprints(name).orElse(new PartitionFingerprints(Map.of()));
        List<String> changed = held.changedIn(next);
        if (changed.isEmpty()) {
            LOG.info(
                    "lake table {}: the {} partition(s) written hold the same rows, not committed",
                    table,
                    next.byPartition().size());
            return new Written(table, List.of(), false);
        }
        only(rows, partitionColumns, changed, next)
                .writeTo(name)
                .option(SNAPSHOT_PROPERTY, held.overwrittenBy(next).toJson())
                .overwritePartitions();
        return new Written(table, changed, false);
    }

    /**
     * Replaces every row of a partitioned {@code table}, creating it if new: for a fact rebuilt
     * whole each run, where a partition that lost all its rows must not keep its old ones. When
     * no partition vanished, only the partitions whose rows changed are committed.
     */
    public Written replacePartitioned(String table, Dataset<Row> rows, List<String> partitionColumns) throws Exception {
        return replaceWith(table, rows, partitionColumns);
    }

    /** Replaces every row of {@code table}, creating it if new; not committed when its rows are the same. */
    public Written replace(String table, Dataset<Row> rows) throws Exception {
        return replaceWith(table, rows, List.of());
    }

    private Written replaceWith(String table, Dataset<Row> rows, List<String> partitionColumns) throws Exception {
        String name = qualified(table);
        PartitionFingerprints next = PartitionFingerprints.of(rows, partitionColumns);
        if (!spark.catalog().tableExists(name)) {
            create(name, rows, partitionColumns, next);
            return new Written(table, List.of(), true);
        }
        evolve(name, rows, partitionColumns);
        Optional<PartitionFingerprints> held = fingerprints(name);
        if (held.isPresent() && held.get().equals(next)) {
            LOG.info("lake table {}: the same rows, not committed", table);
            return new Written(table, List.of(), false);
        }
        if (held.isPresent()
                && !partitionColumns.isEmpty()
                && held.get().vanishedIn(next).isEmpty()) {
            List<String> changed = held.get().changedIn(next);
            only(rows, partitionColumns, changed, next)
                    .writeTo(name)
                    .option(SNAPSHOT_PROPERTY, next.toJson())
                    .overwritePartitions();
            return new Written(table, changed, false);
        }
        rows.writeTo(name).option(SNAPSHOT_PROPERTY, next.toJson()).overwrite(functions.lit(true));
        return new Written(table, List.of(), true);
    }

    /** The rows of the {@code changed} partitions, or all of them when every partition changed. */
    private static Dataset<Row> only(
            Dataset<Row> rows, List<String> partitionColumns, List<String> changed, PartitionFingerprints next) {
        if (changed.size() == next.byPartition().size()) {
            return rows;
        }
        return rows.where(PartitionFingerprints.key(partitionColumns).isin(changed.toArray()));
    }

    /** The fingerprints the table's current snapshot recorded, if it recorded any. */
    private Optional<PartitionFingerprints> fingerprints(String name) throws Exception {
        Table iceberg = Spark3Util.loadIcebergTable(spark, name);
        iceberg.refresh();
        Snapshot current = iceberg.currentSnapshot();
        if (current == null
                || current.summary() == null
                || !current.summary().containsKey(PartitionFingerprints.PROPERTY)) {
            return Optional.empty();
        }
        return Optional.of(PartitionFingerprints.parse(current.summary().get(PartitionFingerprints.PROPERTY)));
    }

    /**
     * Brings an existing table up to what this release writes, so a home created by an older
     * release keeps working: columns the rows add are added (never dropped or renamed: readers of
     * older snapshots match by field id), partition fields the table lacks are added (files
     * already written keep their old partitioning; Iceberg plans across both).
     */
    private void evolve(String name, Dataset<Row> rows, List<String> partitionColumns) throws Exception {
        Table iceberg = Spark3Util.loadIcebergTable(spark, name);
        Schema wanted = SparkSchemaUtil.convert(rows.schema());
        boolean newColumns =
                wanted.columns().stream().anyMatch(f -> iceberg.schema().findField(f.name()) == null);
        if (newColumns) {
            iceberg.updateSchema().unionByNameWith(wanted).commit();
        }
        Set<String> partitioned = new HashSet<>();
        for (PartitionField field : iceberg.spec().fields()) {
            partitioned.add(iceberg.schema().findColumnName(field.sourceId()));
        }
        List<String> missing =
                partitionColumns.stream().filter(c -> !partitioned.contains(c)).toList();
        if (!missing.isEmpty()) {
            UpdatePartitionSpec spec = iceberg.updateSpec();
            missing.forEach(spec::addField);
            spec.commit();
        }
        if (newColumns || !missing.isEmpty()) {
            spark.sql("REFRESH TABLE " + name);
        }
    }

    private static void create(
            String name, Dataset<Row> rows, List<String> partitionColumns, PartitionFingerprints fingerprints)
            throws Exception {
        Column[] partitions = partitionColumns.stream().map(functions::col).toArray(Column[]::new);
        var writer = rows.writeTo(name)
                .tableProperty("format-version", "2")
                .option(SNAPSHOT_PROPERTY, fingerprints.toJson());
        if (partitions.length > 0) {
            writer.partitionedBy(
                    partitions[0],
                    JavaConverters.asScalaBuffer(Arrays.asList(Arrays.copyOfRange(partitions, 1, partitions.length)))
                            .toSeq());
        }
        writer.create();
    }

    /** The table's current snapshot: its id, row count and data files. */
    /** The id of {@code table}'s current snapshot; -1 when the table does not exist or has none. */
    public long snapshotId(String table) {
        if (!spark.catalog().tableExists(qualified(table))) {
            return -1;
        }
        try {
            Table iceberg = Spark3Util.loadIcebergTable(spark, qualified(table));
            iceberg.refresh();
            Snapshot current = iceberg.currentSnapshot();
            return current == null ? -1 : current.snapshotId();
        } catch (Exception e) {
            throw new IllegalStateException("reading the lake snapshot of " + table, e);
        }
    }

    public LakeTable describe(String table) {
        try {
            Table iceberg = Spark3Util.loadIcebergTable(spark, qualified(table));
            iceberg.refresh();
            Snapshot current = iceberg.currentSnapshot();
            List<String> files = new ArrayList<>();
            long rows = 0;
            if (current != null) {
                try (CloseableIterable<FileScanTask> tasks =
                        iceberg.newScan().useSnapshot(current.snapshotId()).planFiles()) {
                    for (FileScanTask task : tasks) {
                        files.add(task.file().location());
                        rows += task.file().recordCount();
                    }
                }
            }
            files.sort(String::compareTo);
            return new LakeTable(table, current == null ? -1 : current.snapshotId(), rows, files);
        } catch (Exception e) {
            throw new IllegalStateException("reading the lake snapshot of " + table, e);
        }
    }
}
