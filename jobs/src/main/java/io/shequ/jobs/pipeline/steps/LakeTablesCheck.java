package io.shequ.jobs.pipeline.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.check.CheckedDataset;
import io.shequ.jobs.check.DataQualityGate;
import io.shequ.jobs.check.DataQualityGateException;
import io.shequ.jobs.check.DataQualityOutcomes;
import io.shequ.jobs.check.DatasetCheck;
import io.shequ.jobs.check.RuleOutcome;
import io.shequ.jobs.check.RuleStage;
import io.shequ.jobs.lake.LakeTableSpec;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.value.LakeValues;
import io.shequ.jobs.value.ValueAccount;
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
        Map<String, Object> rows = new LinkedHashMap<>();
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
                rows.put(table, Map.of("quarantined", taken, "warned", result.warnedRows()));
            }
        }
        // the values the facts carry to the lake, reconciled per file with the staged values (value accounting)
        ValueLedger values = new ValueLedger(run.ledger());
        List<ValueAccount> reconciled = new LakeValues(
                        spark, run.staging(), conformed, new Quarantine(run.quarantine(), run.id()))
                .reconcile(values.readAsOf(LedgerSection.VALUE_ACCOUNTING_BEFORE_LAKE));
        values.write(reconciled);
        outcomes.addAll(ValueLedger.findings(reconciled, RuleStage.LAKE));
        run.ledger().put(LedgerSection.DATA_QUALITY, withStage(run.ledger().get(LedgerSection.DATA_QUALITY), outcomes));
        Map<String, Object> rowSection = new LinkedHashMap<>();
        JsonNode earlier = run.ledger().get(LedgerSection.DATA_QUALITY_ROWS);
        if (earlier != null && earlier.has(RuleStage.STAGED.folder())) {
            rowSection.put(RuleStage.STAGED.folder(), earlier.get(RuleStage.STAGED.folder()));
        }
        rowSection.put(RuleStage.LAKE.folder(), rows);
        run.ledger().put(LedgerSection.DATA_QUALITY_ROWS, rowSection);
        dqOutcomes.record(run.id(), RuleStage.LAKE, outcomes);
        List<RuleOutcome> blocking =
                outcomes.stream().filter(RuleOutcome::blocks).toList();
        if (!blocking.isEmpty()) {
            throw new DataQualityGateException(blocking);
        }
        return quarantined;
    }

    /** The staged check's outcomes, then this step's (a restarted step replaces its own). */
    private static List<Object> withStage(JsonNode earlier, List<RuleOutcome> lake) {
        List<Object> all = new ArrayList<>();
        if (earlier != null) {
            earlier.forEach(o -> {
                if (!RuleStage.LAKE.folder().equals(o.path("stage").asText())) {
                    all.add(o);
                }
            });
        }
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
