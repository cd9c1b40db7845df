package io.shequ.jobs.conform;

import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The loaded NBS division list → {@code dim_division}: one row per unit at every level, with
 * its ancestors' codes, its level and its kind from the code ranges. Validity starts open
 * (valid_from null: in force before the release) until a later release retires the unit.
 */
public final class DivisionsToDimension {

    public static final StructType SCHEMA = new StructType()
            .add("division_code", DataTypes.StringType, false)
            .add("division_name", DataTypes.StringType, false)
            .add("level", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("parent_code", DataTypes.StringType, true)
            .add("province_code", DataTypes.StringType, true)
            .add("city_code", DataTypes.StringType, true)
            .add("district_code", DataTypes.StringType, true)
            .add("township_code", DataTypes.StringType, true)
            .add("valid_from", DataTypes.DateType, true)
            .add("valid_to", DataTypes.DateType, true)
            .add("is_current", DataTypes.BooleanType, false);

    private final SparkSession spark;

    public DivisionsToDimension(SparkSession spark) {
        this.spark = spark;
    }

    public Dataset<Row> apply(NbsDivisions divisions) {
        List<Row> rows = new ArrayList<>(divisions.size());
        for (Division d : divisions.all()) {
            DivisionCode code = d.code();
            rows.add(RowFactory.create(
                    code.value(),
                    d.name(),
                    d.level().name().toLowerCase(Locale.ROOT),
                    d.kind().name().toLowerCase(Locale.ROOT),
                    d.parentCode() == null ? null : d.parentCode().value(),
                    ancestor(code, DivisionLevel.PROVINCE),
                    ancestor(code, DivisionLevel.CITY),
                    ancestor(code, DivisionLevel.DISTRICT),
                    ancestor(code, DivisionLevel.TOWNSHIP),
                    null,
                    null,
                    true));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static String ancestor(DivisionCode code, DivisionLevel level) {
        return level.ordinal() <= code.level().ordinal() ? code.ancestor(level).value() : null;
    }
}
