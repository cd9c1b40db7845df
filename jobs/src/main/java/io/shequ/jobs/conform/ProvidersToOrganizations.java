package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.shequ.jobs.dimension.TypeTwoDimension;
import io.shequ.schemas.code.CreditCode;
import io.shequ.schemas.text.TypedText;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The providers of service contracts, and {@code dim_organization} as the lake holds it → the new
 * {@code dim_organization}: one row per version of each provider, keyed by its unified social credit
 * code (normalised; codes failing the GB 32100 check are left out), with its name's history (a new
 * version from the signing date of the first contract that names it otherwise; the run date when a
 * contract has no signing date) and the type its code says: under civil affairs (5) 1 social
 * group, 2 private non-enterprise unit, 3 foundation; under market regulation (9) an enterprise.
 */
public final class ProvidersToOrganizations {

    public static final String TABLE = "dim_organization";
    public static final String KEY = "organization_key";
    public static final String CODE = "credit_code";

    private static final TypeTwoDimension TYPE_TWO =
            new TypeTwoDimension(TABLE, KEY, CODE, List.of("organization_name"), DataTypes.DateType);

    private static final UserDefinedFunction NORMALIZED = udf(
            (UDF1<String, String>) raw -> {
                String code = CreditCode.normalize(raw);
                return CreditCode.isValid(code) ? code : null;
            },
            DataTypes.StringType);
    private static final UserDefinedFunction NAME =
            udf((UDF1<String, String>) TypedText::compact, DataTypes.StringType);
    private static final UserDefinedFunction TYPE = udf(
            (UDF1<String, List<String>>) ProvidersToOrganizations::type,
            DataTypes.createArrayType(DataTypes.StringType));

    /**
     * @param contracts rows with provider_credit_code, provider_name and signed_date (staged ledger rows or facts)
     * @param existing  dim_organization as the lake holds it, or null before the first run
     * @param runDate   the day of the run: when a name seen on an undated contract takes effect
     */
    public Dataset<Row> apply(Dataset<Row> contracts, Dataset<Row> existing, LocalDate runDate) {
        Dataset<Row> states = contracts
                .select(
                        NORMALIZED
                                .apply(col("provider_credit_code").cast("string"))
                                .as(CODE),
                        NAME.apply(col("provider_name").cast("string")).as("organization_name"),
                        coalesce(col("signed_date").cast("date"), lit(Date.valueOf(runDate)))
                                .as(TypeTwoDimension.EFFECTIVE_FROM))
                .filter(col(CODE).isNotNull().and(col("organization_name").isNotNull()))
                .distinct();
        Dataset<Row> dim = TYPE_TWO.apply(existing == null ? null : existing.select(versionColumns()), states);
        Column type = TYPE.apply(col(CODE));
        return dim.withColumn("_type", type)
                .withColumn("organization_type", col("_type").getItem(0))
                .withColumn("organization_type_zh", col("_type").getItem(1))
                .withColumn("registering_authority", col("_type").getItem(2))
                .select(columns())
                .orderBy(CODE, TypeTwoDimension.VALID_FROM);
    }

    private static Column[] versionColumns() {
        return new Column[] {
            col(KEY),
            col(CODE),
            col("organization_name"),
            col(TypeTwoDimension.VALID_FROM),
            col(TypeTwoDimension.VALID_TO),
            col(TypeTwoDimension.IS_CURRENT),
            col(TypeTwoDimension.IS_INFERRED)
        };
    }

    private static Column[] columns() {
        return new Column[] {
            col(KEY),
            col(CODE),
            col("organization_name"),
            col("organization_type"),
            col("organization_type_zh"),
            col("registering_authority"),
            col(TypeTwoDimension.VALID_FROM),
            col(TypeTwoDimension.VALID_TO),
            col(TypeTwoDimension.IS_CURRENT),
            col(TypeTwoDimension.IS_INFERRED)
        };
    }

    /** Type code, its Chinese label and the registering authority, from a valid credit code. */
    static List<String> type(String code) {
        CreditCode.OrganizationType type = CreditCode.organizationType(code).orElse(CreditCode.OrganizationType.OTHER);
        String label = switch (type) {
            case SOCIAL_GROUP -> "社会团体";
            case PRIVATE_NON_ENTERPRISE_UNIT -> "民办非企业单位";
            case FOUNDATION -> "基金会";
            case OTHER_CIVIL_AFFAIRS -> "其他民政登记机构";
            case ENTERPRISE -> "企业";
            case OTHER -> "其他";
        };
        String authority = switch (code.charAt(0)) {
            case '5' -> "civil_affairs";
            case '9' -> "market_regulation";
            default -> "other";
        };
        return Arrays.asList(type.name().toLowerCase(Locale.ROOT), label, authority);
    }
}
