package io.shequ.jobs.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * Makes what Spark, Iceberg and Parquet write through Hadoop's local file system owner-only:
 * Hadoop's umask {@value #OWNER_ONLY}, so its {@code RawLocalFileSystem} creates data files,
 * their {@code .crc} checksums, {@code _SUCCESS} markers and folders as 0600 and 0700 from the
 * start (Hadoop sets the mode as it creates each one, never later).
 *
 * <p>The session's configuration alone is not enough: Hadoop caches one local file system per
 * process, configured by whichever caller came first, so the cached instance is told too.
 */
public final class OwnerOnlyHadoopFiles {

    /** Hadoop's umask key, honoured by the local file system for files and folders it creates. */
    public static final String UMASK = "fs.permissions.umask-mode";
    /** No permission for the group or others. */
    public static final String OWNER_ONLY = "077";

    private OwnerOnlyHadoopFiles() {}

    /** The Spark setting that puts {@link #UMASK} into every Hadoop configuration of a session. */
    public static String sparkKey() {
        return "spark.hadoop." + UMASK;
    }

    /** Sets the umask on {@code spark}'s Hadoop configuration and on the process's cached local file system. */
    public static SparkSession apply(SparkSession spark) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.set(UMASK, OWNER_ONLY);
        try {
            LocalFileSystem local = FileSystem.getLocal(hadoop);
            local.getConf().set(UMASK, OWNER_ONLY);
            local.getRawFileSystem().getConf().set(UMASK, OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("opening Hadoop's local file system", e);
        }
        return spark;
    }
}
