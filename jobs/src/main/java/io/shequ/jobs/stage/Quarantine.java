package io.shequ.jobs.stage;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rejected rows, with their raw values and the reason, as JSON lines under
 * {@code quarantine/<run-id>/<dataset>/}. The files hold raw personal data: Spark writes them
 * owner-only (the session's Hadoop umask 077, {@link io.shequ.jobs.spark.OwnerOnlyHadoopFiles}).
 *
 * <p>Expected columns ({@link #SCHEMA}): source, location (file or table), sheet (the workbook
 * sheet, or null), line (row number or key; null when the whole file is quarantined), column (the
 * cell at fault, or null for the whole row), rule (a {@link io.shequ.schemas.contract.RejectRule}
 * code), reason (human-readable, naming the raw text), raw (the raw values as JSON). Every
 * written row also gets {@code run_id}.
 */
public final class Quarantine {

    /** The quarantine row shape every source uses. */
    public static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType)
            .add("location", DataTypes.StringType)
            .add("sheet", DataTypes.StringType)
            .add("line", DataTypes.StringType)
            .add("column", DataTypes.StringType)
            .add("rule", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("raw", DataTypes.StringType);

    /** What is read back: {@link #SCHEMA} and the run that quarantined the row. */
    public static final StructType STORED = SCHEMA.add("run_id", DataTypes.StringType);

    private final Path root;
    private final String runId;

    public Quarantine(Path root, String runId) {
        this.root = root;
        this.runId = runId;
    }

    /** Writes {@code rejected} and returns how many rows it held. */
    public long write(String dataset, Dataset<Row> rejected) {
        Path target = root.resolve(dataset);
        rejected.select(Arrays.stream(SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new))
                .withColumn("run_id", functions.lit(runId))
                // one file, but the rows' plan still runs in parallel: only the rejected rows move to one task
                .repartition(1)
                .write()
                .mode("overwrite")
                .json(target.toString());
        return read(rejected.sparkSession(), dataset).count();
    }

    /** Where {@code dataset}'s rows are written. */
    public Path folder(String dataset) {
        return root.resolve(dataset);
    }

    /** Reads back what {@link #write} wrote for {@code dataset}. */
    public Dataset<Row> read(SparkSession spark, String dataset) {
        return spark.read().schema(STORED).json(root.resolve(dataset).toString());
    }
}
