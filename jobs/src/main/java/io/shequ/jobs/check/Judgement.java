package io.shequ.jobs.check;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the rule files of one dataset found: the outcome of every rule, and the data with, per row,
 * the row-scoped rules it failed at each level.
 *
 * <p>The decision this pipeline makes with it: a row failing an <em>error</em>-level row-scoped
 * rule is taken out of the data and quarantined ({@link #rejected()}); a row failing only
 * <em>warn</em>-level ones stays in the data and is recorded ({@link #warned()}). Both carry every
 * rule they failed, of either level.
 */
public record Judgement(
        RuleStage stage, String dataset, List<RuleOutcome> outcomes, Dataset<Row> rows, List<DqdlRule> rules) {

    /** Array of the error-level row-scoped rules a row failed. */
    public static final String FAILED_ERROR = "_dq_failed_error";
    /** Array of the warn-level row-scoped rules a row failed. */
    public static final String FAILED_WARN = "_dq_failed_warn";

    public Judgement {
        outcomes = List.copyOf(outcomes);
        rules = List.copyOf(rules);
    }

    /** The rows that go on: no error-level row-scoped rule failed; the judgement columns dropped. */
    public Dataset<Row> kept() {
        return rows.filter(size(col(FAILED_ERROR)).equalTo(0)).drop(FAILED_ERROR, FAILED_WARN);
    }

    /** The rows that failed an error-level row-scoped rule, with both judgement columns. */
    public Dataset<Row> rejected() {
        return rows.filter(size(col(FAILED_ERROR)).gt(0));
    }

    /** The rows that go on although they failed warn-level row-scoped rules, with both judgement columns. */
    public Dataset<Row> warned() {
        return rows.filter(
                size(col(FAILED_ERROR)).equalTo(0).and(size(col(FAILED_WARN)).gt(0)));
    }

    /** Whether any error-level row-scoped rule failed on some row. */
    public boolean rejectsRows() {
        return outcomes.stream().anyMatch(RuleOutcome::rowsQuarantined);
    }

    /** The outcomes that stop publishing. */
    public List<RuleOutcome> blocking() {
        return outcomes.stream().filter(RuleOutcome::blocks).toList();
    }
}
