package io.shequ.jobs.extract;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.GridSource;
import io.shequ.jobs.source.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Lands the increment of the grid system's tables (the vendor schema: grid, event, event_flow)
 * as Parquet: each table read once by Spark over JDBC in batches of {@value #FETCH_SIZE} rows, only
 * the rows updated after the committed watermark minus the overlap (every row before the first
 * committed extract), and the flows of the events in the event increment.
 */
public final class GridSystemLanding {

    public static final List<String> TABLES = List.of("grid", "event", "event_flow");
    /** The vendor's timestamps are wall-clock times in this zone, stored without it. */
    public static final ZoneId VENDOR_ZONE = ZoneId.of("Asia/Shanghai");

    static final int FETCH_SIZE = 5000;

    private final SparkSession spark;
    private final HomeLayout layout;
    private final GridWatermarks watermarks;
    private final Clock clock;

    public GridSystemLanding(SparkSession spark, HomeLayout layout, GridWatermarks watermarks, Clock clock) {
        this.spark = spark;
        this.layout = layout;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    public GridSystemLanding(SparkSession spark, HomeLayout layout, GridWatermarks watermarks) {
        this(spark, layout, watermarks, Clock.systemUTC());
    }

    /** The landed tables, and the increment they hold for the run ledger. */
    public record Landing(List<LandedSource> sources, GridExtract extract) {}

    public Landing land(GridSource grid, String runId) throws IOException {
        return land(grid, runId, null, null);
    }

    /**
     * Lands the rows updated in {@code [from, until)} when both are given (a backfill re-extracting a
     * window: it proposes no watermark, so the committed ones stay where they are), else the increment.
     */
    public Landing land(GridSource grid, String runId, LocalDateTime from, LocalDateTime until) throws IOException {
        boolean window = from != null && until != null;
        LocalDateTime startedAt = LocalDateTime.now(clock.withZone(VENDOR_ZONE));
        List<LandedSource> landed = new ArrayList<>();
        List<GridExtract.TableIncrement> increments = new ArrayList<>();
        for (String table : TABLES) {
            String watermarked = GridIncrementQuery.hasWatermark(table) ? table : "event";
            Optional<LocalDateTime> committed = watermarks.current(watermarked);
            LocalDateTime readAfter =
                    committed.map(w -> w.minus(grid.overlap())).orElse(null);
            Path target = layout.landingTables(runId).resolve(table);
            read(
                            grid,
                            window
                                    ? GridIncrementQuery.between(table, from, until)
                                    : GridIncrementQuery.of(table, readAfter))
                    .coalesce(1)
                    .write()
                    .mode("overwrite")
                    .parquet(target.toString());
            // the landed rows' count and newest update in one pass
            Dataset<Row> rows = spark.read().parquet(target.toString());
            Row landedRows = GridIncrementQuery.hasWatermark(table)
                    ? rows.agg(count(lit(1)), max("updated_at")).first()
                    : rows.agg(count(lit(1))).first();
            long count = landedRows.getLong(0);
            LocalDateTime candidate = null;
            if (GridIncrementQuery.hasWatermark(table) && window) {
                candidate = committed.orElse(null);
            } else if (GridIncrementQuery.hasWatermark(table)) {
                candidate = landedRows.isNullAt(1)
                        ? committed.orElse(null)
                        : earlier((LocalDateTime) landedRows.get(1), startedAt);
            }
            increments.add(new GridExtract.TableIncrement(table, window ? from : readAfter, count, candidate));
            landed.add(landedSource(table, target));
        }
        return new Landing(landed, new GridExtract(startedAt, increments));
    }

    /**
     * The query's rows under the vendor contract's column names: lower case, whatever case the
     * database reports (H2 upper-cases unquoted identifiers, PostgreSQL lower-cases them), so the
     * landed and staged tables have one schema for every database.
     */
    private Dataset<Row> read(GridSource grid, String query) {
        Dataset<Row> rows = spark.read()
                .format("jdbc")
                .option("url", grid.jdbcUrl())
                .option("user", grid.user())
                .option("password", grid.password() == null ? "" : grid.password())
                .option("query", query)
                .option("fetchsize", Integer.toString(FETCH_SIZE))
                // vendor timestamps are wall-clock times without a zone: keep them so, whatever the JVM's zone
                .option("preferTimestampNTZ", "true")
                .load();
        return rows.toDF(Arrays.stream(rows.columns())
                .map(c -> c.toLowerCase(Locale.ROOT))
                .toArray(String[]::new));
    }

    /** A future-dated row must never pin the watermark beyond the moment of extraction. */
    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LandedSource landedSource(String table, Path target) throws IOException {
        List<Path> parts;
        try (Stream<Path> list = Files.list(target)) {
            parts = list.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .sorted()
                    .toList();
        }
        long bytes = 0;
        for (Path part : parts) {
            bytes += Files.size(part);
        }
        long now = System.currentTimeMillis();
        return new LandedSource(
                Source.GRID_SYSTEM.id(), table, target.toString(), Sha256.of(parts), bytes, now, null, now);
    }
}
