package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.shequ.jobs.source.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Staged street-office report rows → {@code fct_community_reports}, one row per community and
 * period: the street office and community resolved to NBS codes (unresolved rows are rejected
 * with the reason), and a corrected resubmission replacing the earlier report of the same street
 * office and period as a whole: the later arrival wins, then the later modification time, then
 * the later file name (see {@link LatestSubmission}).
 */
public final class StagedReportsToFacts {

    public static final String[] MEASURES = {
        "households",
        "registered_population",
        "resident_population",
        "fulltime_staff",
        "social_workers",
        "office_area_m2",
        "volunteers",
        "social_orgs",
        "consult_platforms",
        "consult_meetings",
        "matters_public",
        "matters_livelihood",
        "matters_disputes"
    };

    /**
     * Facts, rejected rows in quarantine shape, how the names were resolved ({@link ResolutionTally}), and the
     * staged rows a later file or row replaced ({@code source_file}, {@code source_sheet}, {@code source_line},
     * {@code superseded_by}).
     */
    public record Result(
            Dataset<Row> facts, Dataset<Row> rejected, Map<String, Object> resolution, Dataset<Row> superseded) {}

    public Result apply(Dataset<Row> staged) {
        // every month's report repeats the same names: each distinct name is resolved once (the
        // resolver is a pure function of its arguments) and the resolution joined back to its rows
        Dataset<Row> streets = staged.select(
                        col("street_hint").as("_sh"), col("district_hint").as("_dh"))
                .distinct()
                .withColumn("street", call_udf(ResolverUdfs.STREET_IN_DISTRICT, col("_sh"), col("_dh")));
        Dataset<Row> withStreet = staged.join(
                        streets,
                        col("street_hint")
                                .eqNullSafe(col("_sh"))
                                .and(col("district_hint").eqNullSafe(col("_dh"))),
                        "left")
                .drop("_sh", "_dh");
        Dataset<Row> communities = withStreet
                .select(col("street.code").as("_sc"), col("community_name").as("_cn"))
                .distinct()
                .withColumn("community", call_udf(ResolverUdfs.COMMUNITY, col("_sc"), col("_cn")));
        Dataset<Row> resolved = withStreet
                .join(
                        communities,
                        col("street.code")
                                .eqNullSafe(col("_sc"))
                                .and(col("community_name").eqNullSafe(col("_cn"))),
                        "left")
                .drop("_sc", "_cn")
                .withColumn("reason", coalesce(col("street.reason"), col("community.reason")))
                .withColumn("resolution_failure", coalesce(col("street.failure"), col("community.failure")))
                .cache();
        Dataset<Row> rejected = resolved.filter(col("reason").isNotNull())
                .select(
                        lit(Source.STREET_OFFICES.id()).as("source"),
                        col("source_file").as("location"),
                        col("source_sheet").as("sheet"),
                        col("source_line").cast("string").as("line"),
                        when(col("street.failure").isNotNull(), lit("street_office"))
                                .otherwise(lit("community_name"))
                                .as("column"),
                        ResolutionTally.rule(col("resolution_failure")).as("rule"),
                        col("reason"),
                        to_json(struct(
                                        col("street_hint"),
                                        col("district_hint"),
                                        col("period"),
                                        col("community_name"),
                                        coalesce(col("street.candidates"), col("community.candidates"))
                                                .as("candidates")))
                                .as("raw"));
        // the latest file of each street office and period, then its last row of each community
        Dataset<Row> keyed = resolved.filter(col("reason").isNull())
                .withColumn("street_code", col("street.code"))
                .withColumn("community_code", col("community.code"));
        Dataset<Row> latestFiles = LatestSubmission.latestFile(keyed, "street_code", "period");
        Dataset<Row> latest = LatestSubmission.of(latestFiles, "community_code", "period");
        Dataset<Row> facts = latest.selectExpr(buildColumns());
        Column[] named = {
            col("source_file"), col("source_sheet"), col("source_line"), col(LatestSubmission.SUPERSEDED_BY)
        };
        Dataset<Row> superseded = LatestSubmission.notLatestFile(keyed, "street_code", "period")
                .select(named)
                .unionByName(LatestSubmission.notLatest(latestFiles, "community_code", "period")
                        .select(named));
        return new Result(
                facts,
                rejected,
                ResolutionTally.of(resolved, col("community.method"), col("resolution_failure")),
                superseded);
    }

    private static String[] buildColumns() {
        List<String> cols = new ArrayList<>(List.of(
                "community_code",
                "concat(substring(community_code, 1, 9), '000') AS township_code",
                "concat(substring(community_code, 1, 6), '000000') AS district_code",
                "period",
                "period_start",
                "period_end",
                "report_year",
                "report_month"));
        for (String m : MEASURES) {
            cols.add(m);
        }
        cols.add("source_file");
        cols.add("source_line");
        return cols.toArray(String[]::new);
    }
}
