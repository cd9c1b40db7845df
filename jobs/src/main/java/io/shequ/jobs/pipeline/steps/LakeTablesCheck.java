package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.check.CheckedDataset;
import io.shequ.jobs.check.CheckedRows;
import io.shequ.jobs.check.DataQualityGate;
import io.shequ.jobs.check.DataQualityGateException;
import io.shequ.jobs.check.DataQualityOutcomes;
import io.shequ.jobs.check.DatasetCheck;
import io.shequ.jobs.check.RuleOutcome;
import io.shequ.jobs.check.RuleStage;
import io.shequ.jobs.lake.LakeTableSpec;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.value.LakeValues;
import io.shequ.jobs.value.ValueAccount;
import io.shequ.jobs.value.ValueAccounting;
import io.shequ.jobs.value.ValueLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The first part of the lake step: Deequ runs the lake tables' DQDL rule files ({@code dq/lake/})
 * on the conformed tables, i.e. on exactly the rows about to be committed to the lake. It runs
 * before the commit so that a blocking failure leaves the lake, the grid watermarks and the
 * warehouse as they were (exit 3), and rows failing an error-level row-scoped rule can still be
 * taken out (quarantine {@code dq_lake_<table>}). Rules may name the other conformed tables, e.g.
 * {@code ReferentialIntegrity "community_code" "dim_division.division_code" = 1.0}.
 */
public final class LakeTablesCheck {

    private final PipelineSettings settings;
    private final SparkSession spark;
    private final DataQualityOutcomes dqOutcomes;

    public LakeTablesCheck(PipelineSettings settings, SparkSession spark, DataQualityOutcomes dqOutcomes) {
        this.settings = settings;
        this.spark = spark;
        this.dqOutcomes = dqOutcomes;
    }

    /**
     * Checks the run's conformed tables; returns how many rows it quarantined.
     *
     * @throws DataQualityGateException when an error-level rule about a whole table failed
     */
    long check(RunContext run) {
        Path conformed = run.conformed();
        DatasetCheck check = new DatasetCheck(
                spark,
                new DataQualityGate(settings.reference().dqRules()),
                new Quarantine(run.quarantine(), run.id()),
                new Quarantine(run.dqWarned(), run.id()),
                run.beforeCheck());
        List<RuleOutcome> outcomes = new ArrayList<>();
        Map<String, CheckedRows> rows = new LinkedHashMap<>();
        long quarantined = 0;
        for (LakeTableSpec spec : LakeTableSpec.values()) {
            String table = spec.tableName();
            Path folder = conformed.resolve(table);
            if (!Files.exists(folder)
                    && !Files.exists(
                            run.beforeCheck().resolve(RuleStage.LAKE.folder()).resolve(table))) {
                continue;
            }
            DatasetCheck.Result result = check.run(
                    RuleStage.LAKE,
                    new CheckedDataset(table, table, "lake", table, spec.rowKey()),
                    folder,
                    references(conformed, table));
            outcomes.addAll(result.outcomes());
            long taken = result.quarantinedByLocation().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            quarantined += taken;
            if (!result.outcomes().isEmpty()) {
                rows.put(table, new CheckedRows(taken, result.warnedRows()));
            }
        }
        // the values the facts carry to the lake, reconciled per file with the staged values (value accounting)
        ValueLedger values = new ValueLedger(run.ledger());
        List<ValueAccount> reconciled = new LakeValues(
                        spark, run.staging(), conformed, new Quarantine(run.quarantine(), run.id()))
                .reconcile(values.readAsOf(ValueAccounting.BEFORE_LAKE));
        values.write(reconciled);
        outcomes.addAll(ValueLedger.findings(reconciled, RuleStage.LAKE));
        RuleOutcome.LEDGER.write(
                run.ledger(), withStage(RuleOutcome.LEDGER.read(run.ledger()).orElse(List.of()), outcomes));
        Map<String, Map<String, CheckedRows>> rowSection = new LinkedHashMap<>();
        CheckedRows.LEDGER
                .read(run.ledger())
                .map(earlier -> earlier.get(RuleStage.STAGED.folder()))
                .ifPresent(staged -> rowSection.put(RuleStage.STAGED.folder(), staged));
        rowSection.put(RuleStage.LAKE.folder(), rows);
        CheckedRows.LEDGER.write(run.ledger(), rowSection);
        dqOutcomes.record(run.id(), RuleStage.LAKE, outcomes);
        List<RuleOutcome> blocking =
                outcomes.stream().filter(RuleOutcome::blocks).toList();
        if (!blocking.isEmpty()) {
            throw new DataQualityGateException(blocking);
        }
        return quarantined;
    }

    /** The staged check's outcomes, then this step's (a restarted step replaces its own). */
    private static List<RuleOutcome> withStage(List<RuleOutcome> earlier, List<RuleOutcome> lake) {
        List<RuleOutcome> all = new ArrayList<>();
        earlier.stream().filter(o -> !RuleStage.LAKE.folder().equals(o.stage())).forEach(all::add);
        all.addAll(lake);
        return all;
    }

    /** The other conformed tables by name, read when the checked table's rules name them. */
    private Map<String, Supplier<Dataset<Row>>> references(Path conformed, String checked) {
        Map<String, Supplier<Dataset<Row>>> references = new LinkedHashMap<>();
        for (String table : LakeTableSpec.names()) {
            if (!table.equals(checked) && Files.exists(conformed.resolve(table))) {
                references.put(
                        table,
                        () -> spark.read().parquet(conformed.resolve(table).toString()));
            }
        }
        return references;
    }
}
