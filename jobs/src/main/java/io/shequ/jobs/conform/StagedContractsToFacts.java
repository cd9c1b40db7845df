package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.shequ.jobs.source.Source;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Staged ledger rows → {@code fct_service_contracts}, one row per contract and served division.
 * Several communities share an amount equally, to the cent (the remainder cents go to the first
 * codes, so shares add up exactly); 全区 and 全街道 amounts stay at district or street level.
 * An amendment (a row with the same 项目编号 in a file that arrived later, or was modified later
 * when both arrived together; then the later file name and line) replaces the original.
 * Partitioned in the lake by the year and month of signing.
 */
public final class StagedContractsToFacts {

    /**
     * The share of one served division, exact: the amount in whole cents (staged amounts are
     * DECIMAL(18,2)) divided with integer division, the first {@code cents % n} shares one cent
     * more, back to yuan as a decimal. No floating point, so the shares add up to the amount.
     */
    static final String ALLOCATED_AMOUNT =
            "CAST(CAST((CAST(contract_amount * 100 AS BIGINT) div size(served_divisions.codes)"
                    + " + IF(share_pos < CAST(contract_amount * 100 AS BIGINT) % size(served_divisions.codes), 1, 0))"
                    + " AS DECIMAL(20, 0)) / 100 AS DECIMAL(18, 2))";

    /**
     * Facts, rejected rows in quarantine shape, how the served names were resolved ({@link ResolutionTally}),
     * and the staged rows an amendment replaced ({@code source_file}, {@code source_sheet}, {@code source_line},
     * {@code superseded_by}).
     */
    public record Result(
            Dataset<Row> facts, Dataset<Row> rejected, Map<String, Object> resolution, Dataset<Row> superseded) {}

    public Result apply(Dataset<Row> staged) {
        Dataset<Row> latest = LatestSubmission.of(staged, "project_no")
                .withColumn(
                        "served_divisions",
                        call_udf(ResolverUdfs.SERVED, col("served"), col("purchaser"), col("title")))
                .cache();
        Dataset<Row> rejected = latest.filter(col("served_divisions.reason").isNotNull())
                .select(
                        lit(Source.PROCUREMENT.id()).as("source"),
                        col("source_file").as("location"),
                        col("source_sheet").as("sheet"),
                        col("source_line").cast("string").as("line"),
                        lit("served").as("column"),
                        ResolutionTally.rule(col("served_divisions.failure")).as("rule"),
                        col("served_divisions.reason").as("reason"),
                        to_json(struct(
                                        col("project_no"),
                                        col("served"),
                                        col("purchaser"),
                                        col("served_divisions.candidates").as("candidates")))
                                .as("raw"));
        Dataset<Row> facts = latest.filter(col("served_divisions.reason").isNull())
                .selectExpr("*", "posexplode(served_divisions.codes) AS (share_pos, served_code)")
                .selectExpr(
                        "project_no",
                        "project_name",
                        "purchaser",
                        "provider_name",
                        "provider_credit_code",
                        "service_category_code AS service_category",
                        "service_category AS service_category_raw",
                        "served_code",
                        "served_divisions.level AS served_level",
                        "served_divisions.rule AS allocation_rule",
                        "size(served_divisions.codes) AS share_count",
                        "contract_amount AS contract_amount_yuan",
                        ALLOCATED_AMOUNT + " AS allocated_amount_yuan",
                        "signed_date",
                        "service_period_start AS service_start",
                        "service_period_end AS service_end",
                        "year(signed_date) AS sign_year",
                        "month(signed_date) AS sign_month",
                        "evaluation_grade",
                        "source_file",
                        "source_line");
        Dataset<Row> superseded = LatestSubmission.notLatest(staged, "project_no")
                .select(
                        col("source_file"),
                        col("source_sheet"),
                        col("source_line"),
                        col(LatestSubmission.SUPERSEDED_BY));
        return new Result(
                facts,
                rejected,
                ResolutionTally.of(latest, col("served_divisions.method"), col("served_divisions.failure")),
                superseded);
    }
}
