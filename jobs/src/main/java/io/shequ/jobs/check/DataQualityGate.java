package io.shequ.jobs.check;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.amazon.deequ.dqdl.EvaluateDataQuality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Runs a dataset's DQDL rule files ({@link RuleFiles}) through Deequ's
 * {@code EvaluateDataQuality.processRows}: each rule's dataset-level outcome, and for each row the
 * row-scoped rules ({@link DqdlRule#rowScoped()}) it failed, per level, in the columns
 * {@link Judgement#FAILED_ERROR} and {@link Judgement#FAILED_WARN}. Rules may refer to other
 * datasets by name (e.g. {@code ReferentialIntegrity "community_code" "dim_division.division_code" = 1.0}).
 */
public final class DataQualityGate {

    private static final String DEEQU_FAILED = "DataQualityRulesFail";

    private final RuleFiles files;

    public DataQualityGate(Path overrideFolder) {
        this.files = new RuleFiles(overrideFolder);
    }

    /** The parsed rule files of {@code dataset}, error level first; a bad file fails here, naming itself. */
    public List<DqdlRuleset> rulesets(RuleStage stage, String dataset) {
        return files.of(stage, dataset).stream().map(DqdlRuleset::parse).toList();
    }

    /**
     * Judges {@code data} by its rule files. The returned rows are {@code data}'s columns plus the two
     * arrays of failed row-scoped rules. They are not cached: building Spark's in-memory cache of
     * every column cost several times the pass that judges the rows (26 s against 4 s for 430 k
     * events), most runs use them once (to count failures, finding none), and a run that takes rows
     * out judges them again for each use, which is still cheaper.
     */
    public Judgement judge(RuleStage stage, String dataset, Dataset<Row> data, Map<String, Dataset<Row>> references) {
        List<DqdlRuleset> rulesets = rulesets(stage, dataset).stream()
                .filter(r -> !r.rules().isEmpty())
                .toList();
        List<DqdlRule> rules =
                rulesets.stream().flatMap(r -> r.rules().stream()).toList();
        Column[] original =
                Arrays.stream(data.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
        Dataset<Row> rows =
                data.withColumn(Judgement.FAILED_ERROR, emptyArray()).withColumn(Judgement.FAILED_WARN, emptyArray());
        List<Row> dqdlOutcomes = new ArrayList<>();
        List<String> levelsOfOutcomes = new ArrayList<>();
        for (DqdlRuleset ruleset : rulesets) {
            scala.collection.immutable.Map<String, Dataset<Row>> result =
                    EvaluateDataQuality.processRows(rows, ruleset.text(), scalaMap(references));
            for (Row r : result.apply(EvaluateDataQuality.RULE_OUTCOMES_KEY()).collectAsList()) {
                dqdlOutcomes.add(r);
                levelsOfOutcomes.add(ruleset.level());
            }
            Column[] rowScoped = ruleset.rules().stream()
                    .filter(DqdlRule::rowScoped)
                    .map(r -> lit(r.text()))
                    .toArray(Column[]::new);
            String target = "error".equals(ruleset.level()) ? Judgement.FAILED_ERROR : Judgement.FAILED_WARN;
            Column failed = rowScoped.length == 0 ? emptyArray() : array_intersect(col(DEEQU_FAILED), array(rowScoped));
            List<Column> kept = new ArrayList<>(Arrays.asList(original));
            for (String level : List.of(Judgement.FAILED_ERROR, Judgement.FAILED_WARN)) {
                kept.add(level.equals(target) ? failed.as(level) : col(level));
            }
            rows = result.apply(EvaluateDataQuality.ROW_LEVEL_OUTCOMES_KEY()).select(kept.toArray(Column[]::new));
        }
        Map<String, Long> failedRows = countFailures(rows, rules);
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < dqdlOutcomes.size(); i++) {
            Row r = dqdlOutcomes.get(i);
            String text = r.getAs("Rule");
            String level = levelsOfOutcomes.get(i);
            DqdlRule rule = rules.stream()
                    .filter(x -> x.text().equals(text) && x.level().equals(level))
                    .findFirst()
                    .orElse(null);
            Long failed =
                    rule != null && rule.rowScoped() ? failedRows.getOrDefault(level + "\u0000" + text, 0L) : null;
            boolean quarantined = rule != null && rule.isError() && rule.rowScoped() && failed != null && failed > 0;
            outcomes.add(new RuleOutcome(
                    dataset,
                    level,
                    text,
                    r.getAs("Outcome"),
                    r.getAs("FailureReason"),
                    stage.folder(),
                    failed,
                    quarantined));
        }
        return new Judgement(stage, dataset, outcomes, rows, rules);
    }

    /** level NUL rule text → rows failing that row-scoped rule. */
    private static Map<String, Long> countFailures(Dataset<Row> rows, List<DqdlRule> rules) {
        List<DqdlRule> rowScoped = rules.stream().filter(DqdlRule::rowScoped).toList();
        Map<String, Long> counts = new HashMap<>();
        if (rowScoped.isEmpty()) {
            return counts;
        }
        Column[] sums = rowScoped.stream()
                .map(r -> sum(when(
                                array_contains(
                                        col(r.isError() ? Judgement.FAILED_ERROR : Judgement.FAILED_WARN), r.text()),
                                1L)
                        .otherwise(0L)))
                .toArray(Column[]::new);
        Row totals = rows.agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length)).first();
        for (int i = 0; i < rowScoped.size(); i++) {
            counts.put(
                    rowScoped.get(i).level() + "\u0000" + rowScoped.get(i).text(),
                    totals.isNullAt(i) ? 0L : totals.getLong(i));
        }
        return counts;
    }

    private static Column emptyArray() {
        return array().cast("array<string>");
    }

    @SuppressWarnings("unchecked")
    private static scala.collection.immutable.Map<String, Dataset<Row>> scalaMap(Map<String, Dataset<Row>> references) {
        scala.collection.immutable.Map<String, Dataset<Row>> map = scala.collection.immutable.Map$.MODULE$.empty();
        for (Map.Entry<String, Dataset<Row>> e : references.entrySet()) {
            map = map.$plus(new Tuple2<>(e.getKey(), e.getValue()));
        }
        return map;
    }
}
