package io.shequ.jobs.check;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Judged rows that failed row-scoped rules → quarantine rows ({@link io.shequ.jobs.stage.Quarantine#SCHEMA}):
 * {@code rule} lists every rule the row failed (error-level ones first, "; " between them),
 * {@code column} the columns those rules read, {@code reason} each rule with its level and the
 * values that failed it (e.g. {@code error IsComplete "community_name": community_name = null}),
 * and {@code raw} the whole row as JSON.
 */
public final class RowFailuresToQuarantine {

    private final List<DqdlRule> rules;
    private final RowOrigin origin;

    public RowFailuresToQuarantine(List<DqdlRule> rules, RowOrigin origin) {
        this.rules = rules.stream().filter(DqdlRule::rowScoped).toList();
        this.origin = origin;
    }

    public Dataset<Row> apply(Dataset<Row> judged) {
        Column[] data = Arrays.stream(judged.columns())
                .filter(c -> !c.equals(Judgement.FAILED_ERROR) && !c.equals(Judgement.FAILED_WARN))
                .map(c -> col("`" + c + "`"))
                .toArray(Column[]::new);
        Column[] columns = rules.stream()
                .map(r -> when(failed(r), lit(String.join(", ", r.columns()))))
                .toArray(Column[]::new);
        Column[] reasons = rules.stream()
                .map(r -> when(
                        failed(r),
                        concat(
                                lit(r.level() + " " + r.text() + ": "),
                                concat_ws(
                                        ", ",
                                        r.columns().stream()
                                                .map(c -> concat(
                                                        lit(c + " = "),
                                                        coalesce(
                                                                col("`" + c + "`")
                                                                        .cast("string"),
                                                                lit("null"))))
                                                .toArray(Column[]::new)))))
                .toArray(Column[]::new);
        return judged.select(
                lit(origin.source()).as("source"),
                origin.location().as("location"),
                origin.sheet().as("sheet"),
                origin.line().as("line"),
                concat_ws(", ", columns).as("column"),
                concat_ws("; ", col(Judgement.FAILED_ERROR), col(Judgement.FAILED_WARN))
                        .as("rule"),
                concat_ws("; ", reasons).as("reason"),
                // nulls kept: a field a rule found missing is a column the engineer can fill in on re-admission
                to_json(struct(data), Map.of("ignoreNullFields", "false")).as("raw"));
    }

    private static Column failed(DqdlRule rule) {
        return array_contains(col(rule.isError() ? Judgement.FAILED_ERROR : Judgement.FAILED_WARN), rule.text());
    }
}
