package io.shequ.jobs.gridfixture;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Writes hand-made vendor rows as the landed Parquet tables that staging reads. */
public final class LandedGridTables {

    public static final StructType GRID = new StructType()
            .add("grid_code", DataTypes.StringType)
            .add("grid_name", DataTypes.StringType)
            .add("grid_level", DataTypes.IntegerType)
            .add("parent_code", DataTypes.StringType)
            .add("community_code", DataTypes.StringType)
            .add("created_at", DataTypes.TimestampNTZType)
            .add("retired_at", DataTypes.TimestampNTZType)
            .add("updated_at", DataTypes.TimestampNTZType);
    public static final StructType EVENT = new StructType()
            .add("event_id", DataTypes.StringType)
            .add("grid_code", DataTypes.StringType)
            .add("category_code", DataTypes.StringType)
            .add("channel", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("address", DataTypes.StringType)
            .add("reporter_name", DataTypes.StringType)
            .add("reporter_phone", DataTypes.StringType)
            .add("reporter_id_no", DataTypes.StringType)
            .add("reported_at", DataTypes.TimestampNTZType)
            .add("deadline_at", DataTypes.TimestampNTZType)
            .add("status", DataTypes.StringType)
            .add("satisfaction", DataTypes.StringType)
            .add("updated_at", DataTypes.TimestampNTZType);
    public static final StructType FLOW = new StructType()
            .add("event_id", DataTypes.StringType)
            .add("seq", DataTypes.IntegerType)
            .add("action", DataTypes.StringType)
            .add("acted_at", DataTypes.TimestampNTZType)
            .add("operator", DataTypes.StringType)
            .add("note", DataTypes.StringType);

    private LandedGridTables() {}

    public static void write(
            SparkSession spark,
            Path landedRoot,
            List<VendorGridDatabase.Grid> grids,
            List<VendorGridDatabase.Event> events,
            List<VendorGridDatabase.Flow> flows) {
        spark.createDataFrame(
                        grids.stream()
                                .map(g -> RowFactory.create(
                                        g.gridCode(),
                                        g.gridName(),
                                        g.level(),
                                        g.parentCode(),
                                        g.communityCode(),
                                        g.createdAt(),
                                        null,
                                        g.updatedAt()))
                                .toList(),
                        GRID)
                .write()
                .mode("overwrite")
                .parquet(landedRoot.resolve("grid").toString());
        spark.createDataFrame(events.stream().map(LandedGridTables::row).toList(), EVENT)
                .write()
                .mode("overwrite")
                .parquet(landedRoot.resolve("event").toString());
        spark.createDataFrame(
                        flows.stream()
                                .map(f -> RowFactory.create(
                                        f.eventId(), f.seq(), f.action(), f.actedAt(), f.operator(), f.note()))
                                .toList(),
                        FLOW)
                .write()
                .mode("overwrite")
                .parquet(landedRoot.resolve("event_flow").toString());
    }

    private static Row row(VendorGridDatabase.Event e) {
        List<Object> values = Arrays.asList(
                e.eventId(),
                e.gridCode(),
                e.categoryCode(),
                e.channel(),
                e.title(),
                e.address(),
                e.reporterName(),
                e.reporterPhone(),
                e.reporterIdNo(),
                e.reportedAt(),
                e.deadlineAt(),
                e.status(),
                e.satisfaction(),
                e.updatedAt());
        return RowFactory.create(values.toArray());
    }

    /** An event with other reporter identifiers. */
    public static VendorGridDatabase.Event withReporter(VendorGridDatabase.Event e, String phone, String idNo) {
        return new VendorGridDatabase.Event(
                e.eventId(),
                e.gridCode(),
                e.categoryCode(),
                e.channel(),
                e.title(),
                e.address(),
                e.reporterName(),
                phone,
                idNo,
                e.reportedAt(),
                e.deadlineAt(),
                e.status(),
                e.satisfaction(),
                e.updatedAt());
    }
}
