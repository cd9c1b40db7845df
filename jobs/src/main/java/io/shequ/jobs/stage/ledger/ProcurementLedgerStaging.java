package io.shequ.jobs.stage.ledger;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.SourceFinding;
import io.shequ.jobs.stage.table.ContractFieldHistory;
import io.shequ.jobs.stage.table.ContractFileStaging;
import io.shequ.jobs.stage.table.LocatedTable;
import io.shequ.jobs.stage.table.RowCorrections;
import io.shequ.jobs.value.ValueAccount;
import io.shequ.schemas.code.CreditCode;
import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.reference.Taxonomy;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stages procurement ledgers (政府购买服务台账): rows typed by the ledger contract, then the
 * provider's credit code normalised (case, spaces, full-width forms) and checked (GB 32100 check
 * character), the service category mapped to the taxonomy ({@code service_category_code}; a
 * category the taxonomy does not know counts under its {@code other} member and is reported by
 * {@link io.shequ.jobs.stage.UnmappedTaxonomyValues}, never quarantined), and the served
 * communities split into {@code served_parts}; a row failing a check is quarantined.
 */
public final class ProcurementLedgerStaging {

    public static final String DATASET = "service_contracts";
    public static final String SERVICE_CATEGORIES = "service-categories";
    private static final String CATEGORY_UDF = "shequ_service_category";
    private static final String CREDIT_UDF = "shequ_credit_code_valid";
    private static final String CREDIT_NORMALIZE_UDF = "shequ_credit_code_normalize";
    /** The separators offices put between served communities: 、，,;；/／ (conform also splits at spaces and 和/与/及). */
    private static final String SERVED_SEPARATORS = "[、，,;；/／]";

    private final ContractFileStaging staging;

    public ProcurementLedgerStaging(SparkSession spark, SourceContract contract) {
        this(spark, contract, Taxonomy.load(SERVICE_CATEGORIES));
    }

    public ProcurementLedgerStaging(SparkSession spark, SourceContract contract, Taxonomy categories) {
        this.staging = new ContractFileStaging(spark, contract, "project_no");
        categories.other();
        spark.udf().register(CATEGORY_UDF, (UDF1<String, String>) categories::codeOrOther, DataTypes.StringType);
        spark.udf().register(CREDIT_UDF, (UDF1<String, Boolean>) CreditCode::isValid, DataTypes.BooleanType);
        spark.udf().register(CREDIT_NORMALIZE_UDF, (UDF1<String, String>) CreditCode::normalize, DataTypes.StringType);
    }

    /** Compares each file's fields with those its office supplied in earlier runs (schema drift). */
    public ProcurementLedgerStaging comparingFields(ContractFieldHistory history) {
        staging.comparingFields(history);
        return this;
    }

    /** What the last stage noticed about the files' headers and fields. */
    public List<SourceFinding> findings() {
        return staging.findings();
    }

    /** The value accounting of the last stage: per file and numeric field, as read, staged and quarantined. */
    public List<ValueAccount> values() {
        return staging.values();
    }

    /** Stages corrected rows (re-admission) in place of the rows they correct. */
    public ProcurementLedgerStaging correcting(RowCorrections corrections) {
        staging.correcting(corrections);
        return this;
    }

    public List<SourceAccount> stage(List<LandedSource> files, Path stagingRoot, Quarantine quarantine) {
        return staging.stage(
                Source.PROCUREMENT.id(),
                files,
                new ContractFileStaging.FileContext() {
                    @Override
                    public StructType schema() {
                        return new StructType().add("title", DataTypes.StringType);
                    }

                    @Override
                    public List<Object> values(LandedSource file, LocatedTable table) {
                        return List.of(table.title());
                    }
                },
                stagingRoot.resolve(DATASET),
                quarantine,
                typed -> checkCodes(splitServed(typed)));
    }

    /**
     * {@code served_parts}: the served text split on 、，,;；/／ into its trimmed, non-empty parts,
     * each kept as written (全区, 全街道, XX街道各社区 included) for conform to resolve.
     */
    private static Dataset<Row> splitServed(Dataset<Row> typed) {
        return typed.withColumn(
                "served_parts",
                expr(
                        "filter(transform(split(served, '" + SERVED_SEPARATORS + "'), "
                                + "part -> regexp_replace(part, '^[ \u3000\u00a0]+|[ \u3000\u00a0]+$', '')), part -> part <> '')"));
    }

    private static Dataset<Row> checkCodes(Dataset<Row> typed) {
        Dataset<Row> withCategory = typed.withColumn(
                        "provider_credit_code", call_udf(CREDIT_NORMALIZE_UDF, col("provider_credit_code")))
                .withColumn("service_category_code", call_udf(CATEGORY_UDF, col("service_category")));
        Column badCredit = col("reject_reason")
                .isNull()
                .and(col("provider_credit_code").isNotNull())
                .and(call_udf(CREDIT_UDF, col("provider_credit_code")).equalTo(false));
        return withCategory
                .withColumn(
                        "reject_column",
                        when(badCredit, lit("provider_credit_code")).otherwise(col("reject_column")))
                .withColumn(
                        "reject_rule",
                        when(badCredit, lit(RejectRule.INVALID_CREDIT_CODE.code()))
                                .otherwise(col("reject_rule")))
                .withColumn(
                        "reject_reason",
                        coalesce(
                                col("reject_reason"),
                                when(
                                        badCredit,
                                        concat(
                                                lit("统一社会信用代码 '"),
                                                col("provider_credit_code"),
                                                lit("' fails the GB 32100 check character")))));
    }
}
