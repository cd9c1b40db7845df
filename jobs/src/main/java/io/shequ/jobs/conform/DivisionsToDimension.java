package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.shequ.jobs.dimension.TypeTwoDimension;
import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The loaded NBS division release, and {@code dim_division} as the lake holds it → the new
 * {@code dim_division}: one row per version of every unit at every level, with its ancestors'
 * codes, its level and kind from the code ranges, and its parent's code and name.
 *
 * <p>Type 2: a unit renamed (or whose parent is renamed or changed) in a newer release gets a new
 * version from that release's date; a unit the release no longer lists is closed on that date; a
 * unit new in a release starts on it. The first release loaded into a scope is open at the start
 * (valid_from null: in force before the release). Only the scope the release was loaded for (the
 * configured cities and their provinces) is compared; rows outside it are kept as they are.
 */
public final class DivisionsToDimension {

    public static final String TABLE = "dim_division";
    public static final String KEY = "division_key";
    public static final String CODE = "division_code";

    static final TypeTwoDimension TYPE_TWO = new TypeTwoDimension(
            TABLE, KEY, CODE, List.of("division_name", "parent_code", "parent_name"), DataTypes.DateType);

    private static final StructType STATES = new StructType()
            .add(CODE, DataTypes.StringType, false)
            .add("division_name", DataTypes.StringType, false)
            .add("parent_code", DataTypes.StringType, true)
            .add("parent_name", DataTypes.StringType, true)
            .add(TypeTwoDimension.EFFECTIVE_FROM, DataTypes.DateType, false)
            .add(TypeTwoDimension.MEMBER_SINCE, DataTypes.DateType, true);

    private static final UserDefinedFunction DERIVED = udf(
            (UDF1<String, List<String>>) DivisionsToDimension::derived,
            DataTypes.createArrayType(DataTypes.StringType));

    private final SparkSession spark;

    public DivisionsToDimension(SparkSession spark) {
        this.spark = spark;
    }

    /** The dimension of a first load: every unit open at the start. */
    public Dataset<Row> apply(NbsDivisions divisions) {
        return apply(divisions, List.of(), null, LocalDate.of(1970, 1, 1));
    }

    /**
     * @param divisions the release, loaded for {@code scopes}
     * @param scopes    the codes the release was loaded for (cities); empty: the whole country
     * @param existing  dim_division as the lake holds it, or null before the first run
     * @param release   the release's date: when its changes take effect
     */
    public Dataset<Row> apply(
            NbsDivisions divisions, Collection<DivisionCode> scopes, Dataset<Row> existing, LocalDate release) {
        Date effective = Date.valueOf(release);
        Set<String> cities = scopes.stream().map(c -> c.value().substring(0, 4)).collect(Collectors.toSet());
        Set<String> provinces =
                scopes.stream().map(c -> c.value().substring(0, 2)).collect(Collectors.toSet());
        Column inScope = scopes.isEmpty()
                ? lit(true)
                : when(
                                col("level").equalTo("province"),
                                substring(col(CODE), 1, 2).isin(provinces.toArray()))
                        .otherwise(substring(col(CODE), 1, 4).isin(cities.toArray()));
        Dataset<Row> compared = existing == null ? null : existing.filter(inScope);
        Set<String> loadedBefore = compared == null
                ? Set.of()
                : compared.select(substring(col(CODE), 1, 4)).distinct().as(Encoders.STRING()).collectAsList().stream()
                        .collect(Collectors.toSet());
        List<Row> states = new ArrayList<>(divisions.size());
        for (Division d : divisions.all()) {
            String code = d.code().value();
            Division parent = d.parentCode() == null
                    ? null
                    : divisions.find(d.parentCode()).orElse(null);
            boolean seenScope = d.level() == DivisionLevel.PROVINCE
                    ? loadedBefore.stream().anyMatch(p -> p.startsWith(code.substring(0, 2)))
                    : loadedBefore.contains(code.substring(0, 4));
            states.add(RowFactory.create(
                    code,
                    d.name(),
                    d.parentCode() == null ? null : d.parentCode().value(),
                    parent == null ? null : parent.name(),
                    effective,
                    seenScope ? effective : null));
        }
        Dataset<Row> versions = TYPE_TWO.apply(
                compared == null ? null : compared.select(versionColumns()),
                spark.createDataFrame(states, STATES),
                effective);
        Dataset<Row> built = withDerived(versions);
        if (existing != null) {
            built = built.unionByName(existing.filter(inScope.unary_$bang()).select(columns()));
        }
        return built.select(columns()).orderBy(CODE, TypeTwoDimension.VALID_FROM);
    }

    private static Dataset<Row> withDerived(Dataset<Row> versions) {
        Column d = DERIVED.apply(col(CODE));
        return versions.withColumn("_derived", d)
                .withColumn("level", col("_derived").getItem(0))
                .withColumn("kind", col("_derived").getItem(1))
                .withColumn("province_code", col("_derived").getItem(2))
                .withColumn("city_code", col("_derived").getItem(3))
                .withColumn("district_code", col("_derived").getItem(4))
                .withColumn("township_code", col("_derived").getItem(5))
                .drop("_derived");
    }

    private static Column[] versionColumns() {
        return new Column[] {
            col(KEY),
            col(CODE),
            col("division_name"),
            col("parent_code"),
            col("parent_name"),
            col(TypeTwoDimension.VALID_FROM),
            col(TypeTwoDimension.VALID_TO),
            col(TypeTwoDimension.IS_CURRENT),
            col(TypeTwoDimension.IS_INFERRED)
        };
    }

    /** The table's columns: the first release's twelve, then the key, the parent's name and is_inferred. */
    private static Column[] columns() {
        return new Column[] {
            col(CODE),
            col("division_name"),
            col("level"),
            col("kind"),
            col("parent_code"),
            col("province_code"),
            col("city_code"),
            col("district_code"),
            col("township_code"),
            col(TypeTwoDimension.VALID_FROM),
            col(TypeTwoDimension.VALID_TO),
            col(TypeTwoDimension.IS_CURRENT),
            col(KEY),
            col("parent_name"),
            col(TypeTwoDimension.IS_INFERRED)
        };
    }

    /** level, kind, province, city, district and township codes, all from the code itself. */
    private static List<String> derived(String value) {
        DivisionCode code = DivisionCode.parse(value);
        return Arrays.asList(
                code.level().name().toLowerCase(Locale.ROOT),
                code.kind().name().toLowerCase(Locale.ROOT),
                ancestor(code, DivisionLevel.PROVINCE),
                ancestor(code, DivisionLevel.CITY),
                ancestor(code, DivisionLevel.DISTRICT),
                ancestor(code, DivisionLevel.TOWNSHIP));
    }

    private static String ancestor(DivisionCode code, DivisionLevel level) {
        return level.ordinal() <= code.level().ordinal() ? code.ancestor(level).value() : null;
    }
}
