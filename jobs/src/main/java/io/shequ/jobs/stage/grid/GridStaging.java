package io.shequ.jobs.stage.grid;

import static org.apache.spark.sql.functions.col;

import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.schemas.contract.RejectRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Stages the landed grid-system tables: types are already the vendor's, so staging checks the
 * contract's required columns and value sets, writes the good rows as Parquet and quarantines
 * the rest.
 */
public final class GridStaging {

    public static final String SOURCE = "grid_system";
    public static final List<String> ACTIONS = List.of("上报", "立案", "派遣", "处置", "核查", "结案", "返工", "延期", "作废");

    private final SparkSession spark;

    public GridStaging(SparkSession spark) {
        this.spark = spark;
    }

    private static Map<String, GridRowsToStaged> contracts() {
        return Map.of(
                "grid", new GridRowsToStaged("grid", List.of("grid_code"), List.of(
                        new GridRowsToStaged.Rule("grid_code", col("grid_code").isNull(), RejectRule.MISSING_KEY, "grid_code is missing"),
                        new GridRowsToStaged.Rule("grid_level", col("grid_level").isNull()
                                .or(col("grid_level").lt(1)).or(col("grid_level").gt(4)), RejectRule.INVALID_VALUE, "grid_level is not 1-4"))),
                "event", new GridRowsToStaged("event", List.of("event_id"), List.of(
                        new GridRowsToStaged.Rule("event_id", col("event_id").isNull(), RejectRule.MISSING_KEY, "event_id is missing"),
                        new GridRowsToStaged.Rule("grid_code", col("grid_code").isNull(), RejectRule.MISSING_KEY, "grid_code is missing"),
                        new GridRowsToStaged.Rule("category_code", col("category_code").isNull(), RejectRule.REQUIRED_MISSING, "category_code is missing"),
                        new GridRowsToStaged.Rule("reported_at", col("reported_at").isNull(), RejectRule.REQUIRED_MISSING, "reported_at is missing"))),
                "event_flow", new GridRowsToStaged("event_flow", List.of("event_id", "seq"), List.of(
                        new GridRowsToStaged.Rule("event_id", col("event_id").isNull(), RejectRule.MISSING_KEY, "event_id is missing"),
                        new GridRowsToStaged.Rule("seq", col("seq").isNull(), RejectRule.MISSING_KEY, "seq is missing"),
                        new GridRowsToStaged.Rule("action", col("action").isNull()
                                .or(org.apache.spark.sql.functions.not(col("action").isin(ACTIONS.toArray()))), RejectRule.INVALID_VALUE, "action is not one of " + ACTIONS),
                        new GridRowsToStaged.Rule("acted_at", col("acted_at").isNull(), RejectRule.REQUIRED_MISSING, "acted_at is missing"))));
    }

    /** Stages each table from {@code landedRoot/<table>} into {@code stagingRoot/<table>}. */
    public List<SourceAccount> stage(Path landedRoot, Path stagingRoot, Quarantine quarantine) {
        List<SourceAccount> accounts = new ArrayList<>();
        contracts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String table = entry.getKey();
            Dataset<Row> landed = spark.read().parquet(landedRoot.resolve(table).toString());
            long read = landed.count();
            GridRowsToStaged.Split split = entry.getValue().apply(landed);
            String target = stagingRoot.resolve(table).toString();
            split.staged().write().mode("overwrite").parquet(target);
            long staged = spark.read().parquet(target).count();
            long rejected = quarantine.write(SOURCE + "_" + table, split.rejected());
            accounts.add(new SourceAccount(SOURCE, table, read, staged, rejected, null));
        });
        return accounts;
    }
}
