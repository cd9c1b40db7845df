package io.shequ.jobs.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rejected rows, with their raw values and the reason, as JSON lines under
 * {@code quarantine/<run-id>/<dataset>/}. The files hold raw personal data, so they are made
 * readable by their owner only.
 *
 * <p>Expected columns: source, location (file or table), line (row number or key), column
 * (the cell at fault, or null for the whole row), reason, raw (the raw values as JSON).
 */
public final class Quarantine {

    /** The quarantine row shape every source uses. */
    public static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType).add("location", DataTypes.StringType)
            .add("line", DataTypes.StringType).add("column", DataTypes.StringType)
            .add("reason", DataTypes.StringType).add("raw", DataTypes.StringType);

    private final Path root;

    public Quarantine(Path root) {
        this.root = root;
    }

    /** Writes {@code rejected} and returns how many rows it held. */
    public long write(String dataset, Dataset<Row> rejected) {
        Path target = root.resolve(dataset);
        rejected.coalesce(1).write().mode("overwrite").json(target.toString());
        restrictToOwner(target);
        return read(rejected.sparkSession(), dataset).count();
    }

    /** Reads back what {@link #write} wrote for {@code dataset}. */
    public Dataset<Row> read(SparkSession spark, String dataset) {
        return spark.read().schema(SCHEMA).json(root.resolve(dataset).toString());
    }

    static void restrictToOwner(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
            Files.setPosixFilePermissions(folder.getParent(), PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("restricting " + folder, e);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing finer to set
        }
    }
}
