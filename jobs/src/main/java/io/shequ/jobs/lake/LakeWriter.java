package io.shequ.jobs.lake;

import io.shequ.jobs.spark.SparkSessionFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import io.shequ.schemas.lake.LakeTable;

/**
 * Writes conformed tables into the Iceberg lake: facts by dynamic partition overwrite (a rerun
 * replaces the partitions it carries and never duplicates), dimensions replaced whole. Each
 * write is one Iceberg commit; {@link #describe} reads back what the current snapshot holds.
 */
public final class LakeWriter {

    private final SparkSession spark;

    public LakeWriter(SparkSession spark) {
        this.spark = spark;
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + SparkSessionFactory.CATALOG + "." + SparkSessionFactory.NAMESPACE);
    }

    public static String qualified(String table) {
        return SparkSessionFactory.CATALOG + "." + SparkSessionFactory.NAMESPACE + "." + table;
    }

    /** Replaces the partitions of {@code table} that {@code rows} holds, creating the table if new. */
    public void overwritePartitions(String table, Dataset<Row> rows, List<String> partitionColumns) throws Exception {
        String name = qualified(table);
        if (!spark.catalog().tableExists(name)) {
            create(name, rows, partitionColumns);
            return;
        }
        evolve(name, rows, partitionColumns);
        rows.writeTo(name).overwritePartitions();
    }

    /**
     * Replaces every row of a partitioned {@code table}, creating it if new: for a fact rebuilt
     * whole each run, where a partition that lost all its rows must not keep its old ones.
     */
    public void replacePartitioned(String table, Dataset<Row> rows, List<String> partitionColumns) throws Exception {
        String name = qualified(table);
        if (!spark.catalog().tableExists(name)) {
            create(name, rows, partitionColumns);
            return;
        }
        evolve(name, rows, partitionColumns);
        rows.writeTo(name).overwrite(functions.lit(true));
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
        boolean newColumns = wanted.columns().stream().anyMatch(f -> iceberg.schema().findField(f.name()) == null);
        if (newColumns) {
            iceberg.updateSchema().unionByNameWith(wanted).commit();
        }
        Set<String> partitioned = new HashSet<>();
        for (PartitionField field : iceberg.spec().fields()) {
            partitioned.add(iceberg.schema().findColumnName(field.sourceId()));
        }
        List<String> missing = partitionColumns.stream().filter(c -> !partitioned.contains(c)).toList();
        if (!missing.isEmpty()) {
            UpdatePartitionSpec spec = iceberg.updateSpec();
            missing.forEach(spec::addField);
            spec.commit();
        }
        if (newColumns || !missing.isEmpty()) {
            spark.sql("REFRESH TABLE " + name);
        }
    }

    private static void create(String name, Dataset<Row> rows, List<String> partitionColumns) throws Exception {
        Column[] partitions = partitionColumns.stream().map(functions::col).toArray(Column[]::new);
        var writer = rows.writeTo(name).tableProperty("format-version", "2");
        if (partitions.length > 0) {
            writer.partitionedBy(partitions[0], scala.collection.JavaConverters.asScalaBuffer(
                    java.util.Arrays.asList(java.util.Arrays.copyOfRange(partitions, 1, partitions.length))).toSeq());
        }
        writer.create();
    }

    /** Replaces every row of {@code table}, creating it if new. */
    public void replace(String table, Dataset<Row> rows) throws Exception {
        String name = qualified(table);
        if (!spark.catalog().tableExists(name)) {
            rows.writeTo(name).tableProperty("format-version", "2").create();
            return;
        }
        evolve(name, rows, List.of());
        rows.writeTo(name).overwrite(functions.lit(true));
    }

    /** The table's current snapshot: its id, row count and data files. */
    public LakeTable describe(String table) {
        try {
            Table iceberg = Spark3Util.loadIcebergTable(spark, qualified(table));
            iceberg.refresh();
            Snapshot current = iceberg.currentSnapshot();
            List<String> files = new ArrayList<>();
            long rows = 0;
            if (current != null) {
                try (CloseableIterable<FileScanTask> tasks = iceberg.newScan().useSnapshot(current.snapshotId()).planFiles()) {
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
