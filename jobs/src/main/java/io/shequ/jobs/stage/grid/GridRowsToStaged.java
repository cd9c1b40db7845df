package io.shequ.jobs.stage.grid;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.shequ.jobs.source.Source;
import io.shequ.schemas.contract.RejectRule;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Validates one landed grid-system table against the vendor contract: each rule names a column
 * and the reason a row fails it; a row failing any rule is rejected with the first reason.
 */
public final class GridRowsToStaged {

    /** A rule: rows where {@code failing} holds are rejected, blaming {@code column}. */
    public record Rule(String column, Column failing, RejectRule rule, String reason) {}

    /** The staged rows and the rejected ones, in quarantine shape. */
    public record Split(Dataset<Row> staged, Dataset<Row> rejected) {}

    private final String table;
    private final List<String> keyColumns;
    private final List<Rule> rules;

    public GridRowsToStaged(String table, List<String> keyColumns, List<Rule> rules) {
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        this.rules = List.copyOf(rules);
    }

    public Split apply(Dataset<Row> landed) {
        Column reason = lit(null).cast("string");
        Column blamed = lit(null).cast("string");
        Column code = lit(null).cast("string");
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            reason = when(rule.failing(), lit(rule.reason())).otherwise(reason);
            blamed = when(rule.failing(), lit(rule.column())).otherwise(blamed);
            code = when(rule.failing(), lit(rule.rule().code())).otherwise(code);
        }
        Dataset<Row> judged = landed.withColumn("_reason", reason)
                .withColumn("_column", blamed)
                .withColumn("_rule", code);
        Dataset<Row> staged = judged.filter(col("_reason").isNull()).drop("_reason", "_column", "_rule");
        Column[] keys = keyColumns.stream().map(k -> col(k).cast("string")).toArray(Column[]::new);
        Column[] all = landed.columns().length == 0
                ? new Column[0]
                : Arrays.stream(landed.columns()).map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> rejected = judged.filter(col("_reason").isNotNull())
                .select(
                        lit(Source.GRID_SYSTEM.id()).as("source"),
                        lit(table).as("location"),
                        lit(null).cast("string").as("sheet"),
                        concat_ws("/", keys).as("line"),
                        col("_column").as("column"),
                        col("_rule").as("rule"),
                        col("_reason").as("reason"),
                        to_json(struct(all)).as("raw"));
        return new Split(staged, rejected);
    }
}
