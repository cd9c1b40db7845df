package io.shequ.jobs.stage;

import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.spark.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Test fixtures for file staging: a small local SparkSession and landed copies of hand-made files. */
public final class LandedFiles {

    private LandedFiles() {}

    /** The test class's local session: two threads, two shuffle partitions, no UI. */
    public static SparkSession localSpark() {
        return TestSpark.session();
    }

    /** A file landed from {@code location} (relative to its source folder), arriving and modified at the given times. */
    public static LandedSource landed(
            String source, Path landedFile, String location, long modifiedMillis, long arrivedMillis)
            throws IOException {
        return new LandedSource(
                source,
                location,
                landedFile.toString(),
                "sha-" + location.hashCode(),
                Files.size(landedFile),
                modifiedMillis,
                null,
                arrivedMillis);
    }

    /** The same bytes as {@code original}, landed again under another name. */
    public static LandedSource duplicate(LandedSource original, String location) {
        return new LandedSource(
                original.source(),
                location,
                original.landed(),
                original.sha256(),
                original.bytes(),
                original.modifiedMillis(),
                original.location(),
                original.arrivedMillis());
    }

    /** Writes {@code bytes} where the landing area would keep {@code location}. */
    public static Path write(Path root, String location, byte[] bytes) throws IOException {
        Path file = root.resolve(location);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
