package io.shequ.jobs.dimension;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A type-2 slowly changing dimension: the dimension as the lake holds it, plus the states today's
 * sources show, give the new dimension (rules per member in {@link MemberVersions}).
 *
 * <p>The dimension's columns are {@code <key>} (BIGINT surrogate key, see {@link SurrogateKeys}),
 * {@code <naturalKey>} (a string), the tracked attributes, {@code valid_from}, {@code valid_to}
 * (exclusive), {@code is_current} and {@code is_inferred}. States carry the natural key, the
 * attributes, {@code effective_from} (when the state took effect; not null) and
 * {@code member_since} (where a new member's first version starts; null: open), and may carry
 * {@code is_inferred = true} to ask for an inferred member: a placeholder with unknown attributes
 * for a key that facts reference before its source row arrives. Columns the builder derives from
 * the natural key alone (a division's level, an organization's type) are not tracked: add them
 * to the result.
 *
 * <p>Applying the same states twice gives the same dimension as applying them once, so a rerun
 * changes nothing and a restarted run converges.
 */
public final class TypeTwoDimension {

    public static final String VALID_FROM = "valid_from";
    public static final String VALID_TO = "valid_to";
    public static final String IS_CURRENT = "is_current";
    public static final String IS_INFERRED = "is_inferred";
    public static final String EFFECTIVE_FROM = "effective_from";
    public static final String MEMBER_SINCE = "member_since";

    private final String name;
    private final String key;
    private final String naturalKey;
    private final List<String> attributes;
    private final DataType validType;

    /**
     * @param name       the dimension's table name, part of every surrogate key
     * @param key        the surrogate key column
     * @param naturalKey the natural key column (string)
     * @param attributes the tracked attribute columns: a change in any opens a version
     * @param validType  the type of valid_from and valid_to ({@code DateType} or {@code TimestampNTZType})
     */
    public TypeTwoDimension(String name, String key, String naturalKey, List<String> attributes, DataType validType) {
        this.name = name;
        this.key = key;
        this.naturalKey = naturalKey;
        this.attributes = List.copyOf(attributes);
        this.validType = validType;
    }

    /** Same as {@link #apply(Dataset, Dataset, Object)} without closing absent members. */
    public Dataset<Row> apply(Dataset<Row> existing, Dataset<Row> states) {
        return apply(existing, states, null);
    }

    /**
     * The new dimension.
     *
     * @param existing      the dimension so far (its key, natural key, attribute and validity columns), or null
     * @param states        today's states, as described on the class
     * @param closeAbsentAt for a full snapshot, the time current members it does not list are closed; else null
     */
    public Dataset<Row> apply(Dataset<Row> existing, Dataset<Row> states, Object closeAbsentAt) {
        StructType stateSchema = states.schema();
        Dataset<Row> combined = states.select(stateColumns(stateSchema));
        if (existing != null) {
            combined = existing.select(existingColumns(stateSchema)).union(combined);
        }
        return combined.groupByKey((MapFunction<Row, String>) row -> row.getString(1), Encoders.STRING())
                .flatMapGroups(
                        new MemberVersions(name, attributes.size(), closeAbsentAt), Encoders.row(schema(stateSchema)));
    }

    /** The dimension's schema for states of {@code stateSchema}. */
    public StructType schema(StructType stateSchema) {
        StructType schema =
                new StructType().add(key, DataTypes.LongType, false).add(naturalKey, DataTypes.StringType, false);
        for (String a : attributes) {
            StructField f = stateSchema.apply(a);
            schema = schema.add(a, f.dataType(), true);
        }
        return schema.add(VALID_FROM, validType, true)
                .add(VALID_TO, validType, true)
                .add(IS_CURRENT, DataTypes.BooleanType, false)
                .add(IS_INFERRED, DataTypes.BooleanType, false);
    }

    private Column[] existingColumns(StructType stateSchema) {
        List<Column> cols = new ArrayList<>();
        cols.add(lit(MemberVersions.EXISTING));
        cols.add(col(naturalKey).cast(DataTypes.StringType));
        cols.add(col(key).cast(DataTypes.LongType));
        for (String a : attributes) {
            cols.add(col(a).cast(stateSchema.apply(a).dataType()));
        }
        cols.add(col(VALID_FROM).cast(validType));
        cols.add(col(VALID_TO).cast(validType));
        cols.add(col(IS_CURRENT));
        cols.add(coalesce(col(IS_INFERRED), lit(false)));
        cols.add(lit(null).cast(validType));
        cols.add(lit(null).cast(validType));
        return named(cols);
    }

    private Column[] stateColumns(StructType stateSchema) {
        List<Column> cols = new ArrayList<>();
        cols.add(lit(MemberVersions.STATE));
        cols.add(col(naturalKey).cast(DataTypes.StringType));
        cols.add(lit(null).cast(DataTypes.LongType));
        for (String a : attributes) {
            cols.add(col(a));
        }
        cols.add(lit(null).cast(validType));
        cols.add(lit(null).cast(validType));
        cols.add(lit(null).cast(DataTypes.BooleanType));
        cols.add(
                List.of(stateSchema.fieldNames()).contains(IS_INFERRED)
                        ? coalesce(col(IS_INFERRED), lit(false))
                        : lit(false));
        cols.add(col(EFFECTIVE_FROM).cast(validType));
        cols.add(
                List.of(stateSchema.fieldNames()).contains(MEMBER_SINCE)
                        ? col(MEMBER_SINCE).cast(validType)
                        : lit(null).cast(validType));
        return named(cols);
    }

    private Column[] named(List<Column> cols) {
        List<String> names = new ArrayList<>(List.of("_origin", "_natural_key", "_key"));
        for (int i = 0; i < attributes.size(); i++) {
            names.add("_a" + i);
        }
        names.addAll(List.of("_valid_from", "_valid_to", "_is_current", "_is_inferred", "_effective", "_since"));
        Column[] out = new Column[cols.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cols.get(i).as(names.get(i));
        }
        return out;
    }
}
