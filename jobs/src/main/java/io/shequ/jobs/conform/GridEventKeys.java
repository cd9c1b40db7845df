package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.shequ.jobs.dimension.TermKeys;
import io.shequ.jobs.dimension.VersionInForce;
import io.shequ.jobs.stage.HomeTaxonomies;
import io.shequ.schemas.reference.Taxonomy;
import io.shequ.schemas.reference.TaxonomyTerm;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code fct_grid_events} → the same facts with surrogate keys: {@code grid_key} and
 * {@code division_key} (the community) of the versions in force when the event was reported,
 * {@code category_key}, {@code channel_key} (the vendor writes the channel's name, such as
 * 12345热线, read through the channel taxonomy's names and aliases) and {@code reported_date_key}.
 * A category or channel the taxonomy does not know gets the key of its {@code other} member; the
 * value as written stays in {@code category_code} and {@code channel}.
 */
public final class GridEventKeys {

    private final Dims dims;

    /** The dimensions the keys come from. */
    public record Dims(Dataset<Row> grids, Dataset<Row> divisions, Dataset<Row> categories, Dataset<Row> channels) {}

    private final HomeTaxonomies home;

    public GridEventKeys(Dims dims) {
        this(dims, HomeTaxonomies.BUNDLED);
    }

    public GridEventKeys(Dims dims, HomeTaxonomies home) {
        this.dims = dims;
        this.home = home;
    }

    public Dataset<Row> apply(Dataset<Row> facts) {
        Taxonomy channels = TaxonomyToDimension.Kind.EVENT_CHANNEL.load(home);
        Taxonomy categories = TaxonomyToDimension.Kind.EVENT_CATEGORY.load(home);
        UserDefinedFunction channelCode = udf((UDF1<String, String>) channels::codeOrOther, DataTypes.StringType);
        UserDefinedFunction categoryCode = udf(
                (UDF1<String, String>) code ->
                        categories.byCode(code).map(TaxonomyTerm::code).orElseGet(() -> categories.codeOrOther(code)),
                DataTypes.StringType);
        // each versioned key reads the facts twice (their distinct codes and times, then the join), so
        // two of them plan the facts' whole lineage four times over: it is computed once, up front
        Dataset<Row> keyed = new VersionInForce(dims.grids(), GridsToDimension.CODE, GridsToDimension.KEY)
                .attach(facts.localCheckpoint(), col("grid_code"), col("reported_at"), "grid_key");
        keyed = new VersionInForce(dims.divisions(), DivisionsToDimension.CODE, DivisionsToDimension.KEY)
                .attach(keyed, col("community_code"), col("reported_at"), "division_key");
        TaxonomyToDimension.Kind category = TaxonomyToDimension.Kind.EVENT_CATEGORY;
        keyed = new TermKeys(dims.categories(), category.code, category.key)
                .attach(keyed, categoryCode.apply(col("category_code")));
        TaxonomyToDimension.Kind channel = TaxonomyToDimension.Kind.EVENT_CHANNEL;
        keyed = new TermKeys(dims.channels(), channel.code, channel.key)
                .attach(keyed, channelCode.apply(col("channel")));
        return keyed.withColumn("reported_date_key", YearsToDates.dateKey(col("reported_at")));
    }
}
