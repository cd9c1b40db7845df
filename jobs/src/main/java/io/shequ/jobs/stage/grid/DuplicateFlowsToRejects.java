package io.shequ.jobs.stage.grid;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.shequ.jobs.source.Source;
import io.shequ.schemas.contract.RejectRule;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Staged flow rows → one row per step: a step the vendor recorded twice (same event, action and
 * {@code acted_at} under another seq) keeps its lowest seq; the others are rejected with
 * {@link RejectRule#DUPLICATE_ROW} so that rework and extension counts are not inflated and every
 * row read is still accounted for.
 */
public final class DuplicateFlowsToRejects {

    public GridRowsToStaged.Split apply(Dataset<Row> flows) {
        WindowSpec sameStep = Window.partitionBy(col("event_id"), col("action"), col("acted_at"));
        Dataset<Row> judged = flows.withColumn("_kept_seq", min(col("seq")).over(sameStep));
        Dataset<Row> kept = judged.filter(col("seq").equalTo(col("_kept_seq"))).drop("_kept_seq");
        Column[] raw = Arrays.stream(flows.columns()).map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> rejected = judged.filter(col("seq").notEqual(col("_kept_seq")))
                .select(
                        lit(Source.GRID_SYSTEM.id()).as("source"),
                        lit("event_flow").as("location"),
                        lit(null).cast("string").as("sheet"),
                        concat_ws(
                                        "/",
                                        col("event_id").cast("string"),
                                        col("seq").cast("string"))
                                .as("line"),
                        lit("seq").as("column"),
                        lit(RejectRule.DUPLICATE_ROW.code()).as("rule"),
                        concat(
                                        lit("the same action and acted_at as seq "),
                                        col("_kept_seq").cast("string"),
                                        lit(" of this event, which is kept"))
                                .as("reason"),
                        to_json(struct(raw)).as("raw"));
        return new GridRowsToStaged.Split(kept, rejected);
    }
}
