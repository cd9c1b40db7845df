package io.shequ.jobs.conform;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark UDFs over a {@link DivisionResolver}; each returns struct(code, reason, method, failure,
 * candidates): method exact/normalised/alias/similarity when resolved, failure ambiguous/unknown
 * when not, candidates the best units with their scores.
 */
public final class ResolverUdfs {

    public static final String STREET = "shequ_resolve_street";
    /** (street hint, district hint) → the street office. */
    public static final String STREET_IN_DISTRICT = "shequ_resolve_street_in_district";

    public static final String COMMUNITY = "shequ_resolve_community";
    public static final String COMMUNITY_IN_DISTRICT = "shequ_resolve_community_in_district";
    public static final String DISTRICT = "shequ_resolve_district";

    public static final String SERVED = "shequ_served_divisions";

    public static final StructType CANDIDATE = new StructType()
            .add("code", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("score", DataTypes.DoubleType);

    public static final StructType SERVED_TYPE = new StructType()
            .add("codes", DataTypes.createArrayType(DataTypes.StringType))
            .add("level", DataTypes.StringType)
            .add("rule", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("method", DataTypes.StringType)
            .add("failure", DataTypes.StringType)
            .add("candidates", DataTypes.createArrayType(CANDIDATE));

    public static final StructType RESOLUTION = new StructType()
            .add("code", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("method", DataTypes.StringType)
            .add("failure", DataTypes.StringType)
            .add("candidates", DataTypes.createArrayType(CANDIDATE));

    private ResolverUdfs() {}

    public static void register(SparkSession spark, DivisionResolver resolver) {
        spark.udf().register(STREET, (UDF1<String, Row>) hint -> row(resolver.street(hint)), RESOLUTION);
        spark.udf()
                .register(
                        STREET_IN_DISTRICT,
                        (UDF2<String, String, Row>) (hint, district) -> row(resolver.street(hint, district)),
                        RESOLUTION);
        spark.udf()
                .register(
                        COMMUNITY,
                        (UDF2<String, String, Row>)
                                (street, name) -> street == null ? null : row(resolver.community(street, name)),
                        RESOLUTION);
        spark.udf()
                .register(
                        COMMUNITY_IN_DISTRICT,
                        (UDF2<String, String, Row>) (district, name) ->
                                district == null ? null : row(resolver.communityInDistrict(district, name)),
                        RESOLUTION);
        spark.udf()
                .register(
                        SERVED,
                        (UDF3<String, String, String, Row>) (text, purchaser, title) -> {
                            Served s = resolver.served(text, purchaser, title);
                            return RowFactory.create(
                                    s.codes(),
                                    s.level(),
                                    s.rule(),
                                    s.reason(),
                                    s.method() == null ? null : s.method().code(),
                                    s.failure() == null ? null : s.failure().code(),
                                    candidates(s.candidates()));
                        },
                        SERVED_TYPE);
        spark.udf().register(DISTRICT, (UDF1<String, Row>) text -> row(resolver.district(text)), RESOLUTION);
    }

    private static Row row(Resolution r) {
        return RowFactory.create(r.code(), r.reason(), r.methodCode(), r.failureCode(), candidates(r.candidates()));
    }

    private static List<Row> candidates(List<Resolution.Candidate> candidates) {
        return candidates.stream()
                .map(c -> RowFactory.create(c.code(), c.name(), c.score()))
                .toList();
    }
}
