package io.shequ.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Spark writes through Hadoop's local file system (Parquet, JSON lines, checksums, markers) is owner-only. */
class OwnerOnlyHadoopFilesTest {

    @TempDir
    Path dir;

    @Test
    void sparkWritesFilesAndFoldersOwnerOnly() throws Exception {
        SparkSession spark = TestSpark.session();
        Dataset<Row> events =
                spark.sql("SELECT id, CAST(id % 3 AS INT) AS month, 'name ' || id AS reporter_name FROM range(30)");
        events.write().partitionBy("month").parquet(dir.resolve("staging/event").toString());
        events.repartition(1).write().json(dir.resolve("quarantine/event").toString());

        List<Path> written;
        try (Stream<Path> walk = Files.walk(dir)) {
            written = walk.filter(p -> !p.equals(dir)).toList();
        }
        assertThat(written)
                .as("checksums are among what is checked")
                .anyMatch(p -> p.getFileName().toString().endsWith(".crc"));
        assertThat(written)
                .as("data files too")
                .anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        for (Path path : written) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                    .as("%s", path)
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
        }
    }
}
