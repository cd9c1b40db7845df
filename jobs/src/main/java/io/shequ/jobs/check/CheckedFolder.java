package io.shequ.jobs.check;

import io.shequ.schemas.home.FileTrees;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A dataset's Parquet folder that its rules may take rows out of, restart-safely: the rows as they
 * were are first moved aside (to {@code before}), judged from there, and the folder is rewritten
 * with the rows that go on. A check that fails and is restarted judges the same rows again, so
 * the quarantine it writes is the same.
 */
public final class CheckedFolder {

    private final SparkSession spark;
    private final Path folder;
    private final Path before;

    public CheckedFolder(SparkSession spark, Path folder, Path before) {
        this.spark = spark;
        this.folder = folder;
        this.before = before;
    }

    /** The rows as they were before any check took rows out. */
    public Dataset<Row> input() {
        try {
            if (!Files.exists(before)) {
                OwnerOnly.createDirectories(before.getParent());
                Files.move(folder, before, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moving " + folder + " aside for its data-quality check", e);
        }
        return spark.read().parquet(before.toString());
    }

    /**
     * Writes the rows that go on into the folder (when the judgement took rows out) or puts the
     * original rows back. Call it after every other use of the judged rows.
     */
    public void keep(Judgement judgement) {
        try {
            if (judgement.rejectsRows()) {
                judgement.kept().write().mode("overwrite").parquet(folder.toString());
                return;
            }
            FileTrees.delete(folder);
            Files.move(before, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the checked rows of " + folder, e);
        }
    }
}
