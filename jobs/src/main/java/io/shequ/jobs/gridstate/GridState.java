package io.shequ.jobs.gridstate;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The grid system's three vendor tables side by side, as staged rows: either one run's
 * increment or the merged state of every increment so far.
 *
 * @param grids  rows of {@code grid}, one per grid_code
 * @param events rows of {@code event}, one per event_id, with the staging {@code null_notes}
 * @param flows  rows of {@code event_flow}
 */
public record GridState(Dataset<Row> grids, Dataset<Row> events, Dataset<Row> flows) {

    public static final String GRID = "grid";
    public static final String EVENT = "event";
    public static final String EVENT_FLOW = "event_flow";

    /** Reads the three tables from {@code folder/<table>} (a staging folder or a mirror folder). */
    public static GridState read(SparkSession spark, Path folder) {
        return new GridState(
                spark.read().parquet(folder.resolve(GRID).toString()),
                spark.read().parquet(folder.resolve(EVENT).toString()),
                spark.read().parquet(folder.resolve(EVENT_FLOW).toString()));
    }

    /** Writes the three tables under {@code folder}, replacing what was there. */
    public void write(Path folder) {
        grids.write().mode("overwrite").parquet(folder.resolve(GRID).toString());
        events.write().mode("overwrite").parquet(folder.resolve(EVENT).toString());
        flows.write().mode("overwrite").parquet(folder.resolve(EVENT_FLOW).toString());
    }
}
