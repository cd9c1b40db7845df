package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.shequ.jobs.privacy.ReportersToPseudonyms;
import io.shequ.jobs.source.Source;
import io.shequ.schemas.contract.RejectRule;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The merged grid state (events, flows, grids) → {@code fct_grid_events}, an accumulating snapshot
 * with one row per event: the milestones of its closed loop (by {@code acted_at}, whatever order
 * the vendor numbered the flow rows in), its deadline after extensions, rework and extension
 * counts, and the reporter's pseudonym with the age band and sex read before hashing (milestones
 * by {@link EventFlowsToMilestones}). Rebuilt from the whole merged state each run, so an event's
 * row moves on in place as its loop does: the latest run's row is the only one.
 *
 * <p>An event whose grid is not in the grid table yet is a fact without a community (its grid key
 * points at dim_grid's inferred member, completed in place when the grid arrives, so the key does
 * not change); it counts in no division until then, and the run after the grid arrives gives it
 * its community. A grid's community is its own code or, when that is missing or no village-level
 * code, the first one up its parent chain ({@link GridsToCommunities}); an event on a known grid
 * whose whole chain names none is rejected with {@link RejectRule#UNRESOLVED_DIVISION}; it stays
 * in the merged state, so a corrected grid turns it into a fact.
 *
 * <p>The events come from the grid mirror, whose reporters are already pseudonymized
 * ({@link ReportersToPseudonyms}): the pseudonym, age band and sex are carried over as they are.
 */
public final class GridEventsToFacts {

    /** Facts, and the events without a community in quarantine shape. */
    public record Result(Dataset<Row> facts, Dataset<Row> rejected) {}

    public Result apply(Dataset<Row> events, Dataset<Row> flows, Dataset<Row> grids) {
        Dataset<Row> milestones = new EventFlowsToMilestones().apply(flows);
        Dataset<Row> gridCommunities = new GridsToCommunities().apply(grids).withColumn("g_known", lit(true));
        Column community = col("g_community");
        Column deadline = coalesce(col("extended_deadline"), col("deadline_at"));
        Column voided = coalesce(col("voided"), lit(0)).equalTo(1);
        Column closed = col("closed_at").isNotNull().and(voided.unary_$bang());
        Dataset<Row> located =
                events.join(broadcast(gridCommunities), col("grid_code").equalTo(col("g_code")), "left");
        // a grid not yet in the grid table is a late-arriving reference, not an error
        Column unresolved = col("g_known").isNotNull().and(col("g_community").isNull());
        Dataset<Row> rejected = located.filter(unresolved)
                .select(
                        lit(Source.GRID_SYSTEM.id()).as("source"),
                        lit("event").as("location"),
                        lit(null).cast("string").as("sheet"),
                        col("event_id").cast("string").as("line"),
                        lit("grid_code").as("column"),
                        lit(RejectRule.UNRESOLVED_DIVISION.code()).as("rule"),
                        col("g_reason").as("reason"),
                        to_json(struct(col("event_id"), col("grid_code"), col("reported_at"), col("updated_at")))
                                .as("raw"));
        Dataset<Row> facts = located.filter(unresolved.unary_$bang())
                .join(milestones, located.col("event_id").equalTo(milestones.col("event_id")), "left")
                .drop(milestones.col("event_id"))
                .select(
                        col("event_id"),
                        col("grid_code"),
                        community.as("community_code"),
                        when(community.isNull(), lit(null))
                                .otherwise(concat(substring(community, 1, 9), lit("000")))
                                .as("township_code"),
                        when(community.isNull(), lit(null))
                                .otherwise(concat(substring(community, 1, 6), lit("000000")))
                                .as("district_code"),
                        col("category_code"),
                        col("channel"),
                        col("reported_at"),
                        col("registered_at"),
                        col("closed_at"),
                        deadline.as("deadline_at"),
                        col("first_reported_at").as("flow_reported_at"),
                        col("dispatched_at"),
                        col("disposed_at"),
                        col("checked_at"),
                        col("voided_at"),
                        col("deadline_at").as("original_deadline_at"),
                        year(col("reported_at")).as("report_year"),
                        month(col("reported_at")).as("report_month"),
                        voided.as("is_voided"),
                        coalesce(col("flow_rows"), lit(0L)).as("flow_count"),
                        col("registered_at").isNotNull().as("is_registered"),
                        closed.as("is_closed"),
                        when(closed, col("closed_at").leq(deadline)).as("is_on_time"),
                        when(
                                        closed,
                                        col("closed_at")
                                                .cast("timestamp")
                                                .cast("long")
                                                .minus(col("registered_at")
                                                        .cast("timestamp")
                                                        .cast("long"))
                                                .divide(3600.0))
                                .as("hours_to_close"),
                        coalesce(col("rework_count"), lit(0)).as("rework_count"),
                        coalesce(col("extension_count"), lit(0)).as("extension_count"),
                        when(col("satisfaction").isin("满意", "基本满意", "不满意"), col("satisfaction"))
                                .as("satisfaction"),
                        col(ReportersToPseudonyms.KEY),
                        col(ReportersToPseudonyms.AGE_BAND),
                        col(ReportersToPseudonyms.SEX));
        return new Result(facts, rejected);
    }
}
