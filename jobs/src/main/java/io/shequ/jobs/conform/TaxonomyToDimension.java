package io.shequ.jobs.conform;

import io.shequ.jobs.dimension.SurrogateKeys;
import io.shequ.jobs.stage.HomeTaxonomies;
import io.shequ.schemas.reference.Taxonomy;
import io.shequ.schemas.reference.TaxonomyTerm;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A taxonomy shipped under schemas/ → its dimension ({@code dim_event_category},
 * {@code dim_event_channel}, {@code dim_service_category}): one row per term with a surrogate key
 * derived from the term's code, which the taxonomy promises never to reuse, so the key is stable.
 */
public final class TaxonomyToDimension {

    /** The taxonomy dimensions: table, taxonomy file, key column, code column. */
    public enum Kind {
        EVENT_CATEGORY("dim_event_category", "event-categories", "category_key", "category_code"),
        EVENT_CHANNEL("dim_event_channel", "event-channels", "channel_key", "channel_code"),
        SERVICE_CATEGORY("dim_service_category", "service-categories", "service_category_key", "service_category_code");

        public final String table;
        public final String taxonomy;
        public final String key;
        public final String code;

        Kind(String table, String taxonomy, String key, String code) {
            this.table = table;
            this.taxonomy = taxonomy;
            this.key = key;
            this.code = code;
        }

        public Taxonomy load() {
            return Taxonomy.load(taxonomy);
        }

        /** From the home's copy when there is one. */
        public Taxonomy load(HomeTaxonomies home) {
            return home.load(taxonomy);
        }
    }

    private final SparkSession spark;
    private final HomeTaxonomies home;

    public TaxonomyToDimension(SparkSession spark) {
        this(spark, HomeTaxonomies.BUNDLED);
    }

    /** Terms from the home's copies of the taxonomies ({@code <home>/taxonomies/}) where there are any. */
    public TaxonomyToDimension(SparkSession spark, HomeTaxonomies home) {
        this.spark = spark;
        this.home = home;
    }

    public Dataset<Row> apply(Kind kind) {
        StructType schema = new StructType()
                .add(kind.key, DataTypes.LongType, false)
                .add(kind.code, DataTypes.StringType, false)
                .add("name_zh", DataTypes.StringType, false)
                .add("name_en", DataTypes.StringType, false);
        List<Row> rows = new ArrayList<>();
        for (TaxonomyTerm term : kind.load(home).terms()) {
            rows.add(RowFactory.create(
                    SurrogateKeys.of(kind.table, term.code(), null), term.code(), term.nameZh(), term.nameEn()));
        }
        return spark.createDataFrame(rows, schema);
    }
}
