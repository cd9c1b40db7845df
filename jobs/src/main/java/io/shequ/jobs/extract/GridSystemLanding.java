package io.shequ.jobs.extract;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.GridSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Lands the grid system's tables (the vendor schema: grid, event, event_flow) as Parquet, read
 * once over JDBC by Spark. Each table becomes one landed source with its row count.
 */
public final class GridSystemLanding {

    public static final String SOURCE = "grid_system";
    public static final List<String> TABLES = List.of("grid", "event", "event_flow");

    private final SparkSession spark;
    private final HomeLayout layout;

    public GridSystemLanding(SparkSession spark, HomeLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    public record LandedTable(LandedSource source, long rows) {
    }

    public List<LandedTable> land(GridSource grid, String runId) throws IOException {
        Properties props = new Properties();
        props.setProperty("user", grid.user());
        props.setProperty("password", grid.password() == null ? "" : grid.password());
        props.setProperty("fetchsize", "5000");
        // vendor timestamps are wall-clock times without a zone: keep them so, whatever the JVM's zone
        props.setProperty("preferTimestampNTZ", "true");
        List<LandedTable> landed = new ArrayList<>();
        for (String table : TABLES) {
            Path target = layout.landingTables(runId).resolve(table);
            spark.read().jdbc(grid.jdbcUrl(), table, props)
                    .coalesce(1)
                    .write().mode("overwrite").parquet(target.toString());
            List<Path> parts = parquetParts(target);
            long rows = spark.read().parquet(target.toString()).count();
            long bytes = 0;
            for (Path part : parts) {
                bytes += Files.size(part);
            }
            landed.add(new LandedTable(new LandedSource(SOURCE, table, target.toString(), Sha256.of(parts), bytes,
                    System.currentTimeMillis(), null, System.currentTimeMillis()), rows));
        }
        return landed;
    }

    private static List<Path> parquetParts(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }
}
