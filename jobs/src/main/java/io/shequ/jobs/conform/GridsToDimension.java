package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.shequ.jobs.dimension.TypeTwoDimension;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The grid system's merged grid and event tables, and {@code dim_grid} as the lake holds it → the
 * new {@code dim_grid}: one row per version of each grid (name, level, parent grid, owning
 * community, retirement), a new version from the grid's {@code updated_at} when any of them
 * changes, the first version from its {@code created_at}. The owning community is the one the
 * events follow ({@link GridsToCommunities}): the grid's own code when it is a village-level code,
 * else the first up its parent chain, null when the chain names none; so a unit grid whose vendor
 * row leaves it empty counts in its community, as its events do.
 *
 * <p>A grid that events reference before the grid table has it gets an inferred member
 * ({@code is_inferred}, attributes unknown, open at the start); when the grid arrives the member
 * is completed in place and keeps its surrogate key, so facts already pointing at it stay valid.
 */
public final class GridsToDimension {

    public static final String TABLE = "dim_grid";
    public static final String KEY = "grid_key";
    public static final String CODE = "grid_code";
    static final List<String> ATTRIBUTES =
            List.of("grid_name", "grid_level", "parent_grid_code", "community_code", "retired_at");

    private static final TypeTwoDimension TYPE_TWO =
            new TypeTwoDimension(TABLE, KEY, CODE, ATTRIBUTES, DataTypes.TimestampNTZType);

    /**
     * @param grids    merged vendor {@code grid} rows (grid_code, grid_name, grid_level, parent_code,
     *                 community_code, created_at, retired_at, updated_at)
     * @param events   merged vendor {@code event} rows; only their grid_code is read
     * @param existing dim_grid as the lake holds it, or null before the first run
     */
    public Dataset<Row> apply(Dataset<Row> grids, Dataset<Row> events, Dataset<Row> existing) {
        Dataset<Row> communities = new GridsToCommunities().apply(grids).select(col("g_code"), col("g_community"));
        Dataset<Row> known = grids.join(
                        communities, grids.col(CODE).cast("string").equalTo(communities.col("g_code")), "left")
                .select(
                        col(CODE).cast("string").as(CODE),
                        col("grid_name").cast("string").as("grid_name"),
                        col("grid_level").cast("int").as("grid_level"),
                        col("parent_code").cast("string").as("parent_grid_code"),
                        col("g_community").as("community_code"),
                        col("retired_at").cast("timestamp_ntz").as("retired_at"),
                        col("updated_at").cast("timestamp_ntz").as(TypeTwoDimension.EFFECTIVE_FROM),
                        col("created_at").cast("timestamp_ntz").as(TypeTwoDimension.MEMBER_SINCE),
                        lit(false).as(TypeTwoDimension.IS_INFERRED))
                .filter(col(CODE).isNotNull());
        Dataset<Row> referenced = events.select(col(CODE).cast("string").as(CODE))
                .filter(col(CODE).isNotNull())
                .distinct()
                .join(known.select(CODE), CODE, "left_anti")
                .select(
                        col(CODE),
                        lit(null).cast("string").as("grid_name"),
                        lit(null).cast("int").as("grid_level"),
                        lit(null).cast("string").as("parent_grid_code"),
                        lit(null).cast("string").as("community_code"),
                        lit(null).cast("timestamp_ntz").as("retired_at"),
                        lit(null).cast("timestamp_ntz").as(TypeTwoDimension.EFFECTIVE_FROM),
                        lit(null).cast("timestamp_ntz").as(TypeTwoDimension.MEMBER_SINCE),
                        lit(true).as(TypeTwoDimension.IS_INFERRED));
        Dataset<Row> dim =
                TYPE_TWO.apply(existing == null ? null : existing.select(columns()), known.union(referenced));
        return dim.select(columns()).orderBy(CODE, TypeTwoDimension.VALID_FROM);
    }

    private static Column[] columns() {
        return new Column[] {
            col(KEY),
            col(CODE),
            col("grid_name"),
            col("grid_level"),
            col("parent_grid_code"),
            col("community_code"),
            col("retired_at"),
            col(TypeTwoDimension.VALID_FROM),
            col(TypeTwoDimension.VALID_TO),
            col(TypeTwoDimension.IS_CURRENT),
            col(TypeTwoDimension.IS_INFERRED)
        };
    }
}
