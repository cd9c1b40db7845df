package io.shequ.jobs.check;

import io.shequ.jobs.stage.Quarantine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Checks one dataset's Parquet folder by its rule files: rows failing error-level row-scoped rules
 * leave the folder for the quarantine ({@code dq_<stage>_<dataset>}), rows failing only warn-level
 * ones stay and are recorded in the warned area under the same name, and every rule's outcome is
 * returned.
 */
public final class DatasetCheck {

    /**
     * @param quarantinedByLocation rows taken out per location (file or table), for the row accounting
     * @param warnedRows            rows kept although they failed warn-level row-scoped rules
     */
    public record Result(List<RuleOutcome> outcomes, Map<String, Long> quarantinedByLocation, long warnedRows) {}

    private final SparkSession spark;
    private final DataQualityGate gate;
    private final Quarantine quarantine;
    private final Quarantine warned;
    private final Path beforeCheck;

    public DatasetCheck(
            SparkSession spark, DataQualityGate gate, Quarantine quarantine, Quarantine warned, Path beforeCheck) {
        this.spark = spark;
        this.gate = gate;
        this.quarantine = quarantine;
        this.warned = warned;
        this.beforeCheck = beforeCheck;
    }

    /**
     * @param folder     the dataset's Parquet folder
     * @param references other datasets the rules may name (referential checks), read only when a rule names them
     */
    public Result run(
            RuleStage stage,
            CheckedDataset checkedDataset,
            Path folder,
            Map<String, Supplier<Dataset<Row>>> references) {
        String dataset = checkedDataset.dataset();
        List<DqdlRuleset> rulesets = gate.rulesets(stage, dataset);
        if (rulesets.stream().allMatch(r -> r.rules().isEmpty())) {
            return new Result(List.of(), Map.of(), 0);
        }
        Map<String, Dataset<Row>> named = new HashMap<>();
        references.forEach((name, data) -> {
            if (rulesets.stream().anyMatch(r -> r.text().contains(name + "."))) {
                named.put(name, data.get());
            }
        });
        CheckedFolder checked = new CheckedFolder(
                spark, folder, beforeCheck.resolve(stage.folder()).resolve(dataset));
        Dataset<Row> input = checked.input();
        Judgement judgement = gate.judge(stage, dataset, input, named);
        RowFailuresToQuarantine toQuarantine = new RowFailuresToQuarantine(
                judgement.rules(),
                RowOrigin.of(checkedDataset.source(), checkedDataset.table(), input.columns(), checkedDataset.keys()));
        String name = "dq_" + stage.folder() + "_" + dataset;
        Map<String, Long> byLocation = new HashMap<>();
        if (judgement.rejectsRows()) {
            quarantine.write(name, toQuarantine.apply(judgement.rejected()));
            for (Row r :
                    quarantine.read(spark, name).groupBy("location").count().collectAsList()) {
                byLocation.put(r.getString(0), r.getLong(1));
            }
        }
        long warnedRows = 0;
        if (judgement.outcomes().stream()
                .anyMatch(o -> "warn".equals(o.level()) && o.failedRows() != null && o.failedRows() > 0)) {
            warnedRows = warned.write(name, toQuarantine.apply(judgement.warned()));
        }
        checked.keep(judgement);
        return new Result(judgement.outcomes(), byLocation, warnedRows);
    }
}
