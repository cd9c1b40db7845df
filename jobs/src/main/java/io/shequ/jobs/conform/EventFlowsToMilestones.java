package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An event's {@code event_flow} rows → one row of milestones per event, read by {@code acted_at}
 * (vendors number flow rows in any order): first 上报 report, first 立案 registration, first 派遣
 * dispatch, last 处置 disposal (a reworked event is disposed again), last 核查 check, last 结案
 * close, first 作废 void; how often it was sent back (返工) and extended (延期), and the deadline
 * the latest extension set (its note names it, e.g. 延期至2023-05-01 18:00:00).
 */
public final class EventFlowsToMilestones {

    private static final String NOTE_DEADLINE =
            "to_timestamp_ntz(regexp_extract(note, '(\\\\d{4}-\\\\d{2}-\\\\d{2} \\\\d{2}:\\\\d{2}:\\\\d{2})', 1))";

    /** Columns: event_id, first_reported_at, registered_at, dispatched_at, disposed_at, checked_at,
     *  closed_at, voided_at, voided (0/1), rework_count, extension_count, extended_deadline, flow_rows. */
    public Dataset<Row> apply(Dataset<Row> flows) {
        Column extensionDeadline = when(action("延期"), expr(NOTE_DEADLINE));
        return flows.groupBy("event_id")
                .agg(
                        min(when(action("上报"), col("acted_at"))).as("first_reported_at"),
                        min(when(action("立案"), col("acted_at"))).as("registered_at"),
                        min(when(action("派遣"), col("acted_at"))).as("dispatched_at"),
                        max(when(action("处置"), col("acted_at"))).as("disposed_at"),
                        max(when(action("核查"), col("acted_at"))).as("checked_at"),
                        max(when(action("结案"), col("acted_at"))).as("closed_at"),
                        min(when(action("作废"), col("acted_at"))).as("voided_at"),
                        max(when(action("作废"), lit(1)).otherwise(lit(0))).as("voided"),
                        sum(when(action("返工"), lit(1)).otherwise(lit(0)))
                                .cast("int")
                                .as("rework_count"),
                        sum(when(action("延期"), lit(1)).otherwise(lit(0)))
                                .cast("int")
                                .as("extension_count"),
                        // the deadline of the latest extension in time (rows without one sort first: null acted_at)
                        max_by(extensionDeadline, when(extensionDeadline.isNotNull(), col("acted_at")))
                                .as("extended_deadline"),
                        count(lit(1)).as("flow_rows"));
    }

    private static Column action(String name) {
        return col("action").equalTo(name);
    }
}
