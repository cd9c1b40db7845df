package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;

import io.shequ.jobs.dimension.TermKeys;
import io.shequ.jobs.dimension.VersionInForce;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code fct_service_contracts} → the same facts with surrogate keys of the versions in force on
 * the signing date: {@code organization_key} (the provider), {@code division_key} (the served
 * division at whatever level the share belongs to), {@code service_category_key} and
 * {@code signed_date_key}.
 */
public final class ServiceContractKeys {

    /** The dimensions the keys come from. */
    public record Dims(Dataset<Row> organizations, Dataset<Row> divisions, Dataset<Row> serviceCategories) {}

    private final Dims dims;

    public ServiceContractKeys(Dims dims) {
        this.dims = dims;
    }

    public Dataset<Row> apply(Dataset<Row> facts) {
        Dataset<Row> keyed = new VersionInForce(
                        dims.organizations(), ProvidersToOrganizations.CODE, ProvidersToOrganizations.KEY)
                .attach(facts, col("provider_credit_code"), col("signed_date"), "organization_key");
        keyed = new VersionInForce(dims.divisions(), DivisionsToDimension.CODE, DivisionsToDimension.KEY)
                .attach(keyed, col("served_code"), col("signed_date"), "division_key");
        TaxonomyToDimension.Kind category = TaxonomyToDimension.Kind.SERVICE_CATEGORY;
        keyed = new TermKeys(dims.serviceCategories(), category.code, category.key)
                .attach(keyed, col("service_category"));
        return keyed.withColumn("signed_date_key", YearsToDates.dateKey(col("signed_date")));
    }
}
