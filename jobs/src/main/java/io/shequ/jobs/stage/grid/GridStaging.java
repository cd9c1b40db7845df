package io.shequ.jobs.stage.grid;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.schemas.contract.RejectRule;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Stages the landed increment of the grid-system tables: types are already the vendor's, so
 * staging checks the contract's required columns, value sets and clocks (nothing may happen after
 * the extraction started), nulls malformed reporter identifiers with a note, drops duplicated flow
 * steps to quarantine, writes the good rows as Parquet and quarantines the rest. Per table, rows
 * read = rows staged + rows quarantined.
 */
public final class GridStaging {

    public static final List<String> TABLES = List.of("event", "event_flow", "grid");
    public static final List<String> ACTIONS = List.of("上报", "立案", "派遣", "处置", "核查", "结案", "返工", "延期", "作废");

    private final SparkSession spark;

    public GridStaging(SparkSession spark) {
        this.spark = spark;
    }

    private static GridRowsToStaged contract(String table, LocalDateTime extractedAt) {
        return switch (table) {
            case "grid" ->
                new GridRowsToStaged(
                        "grid",
                        List.of("grid_code"),
                        List.of(
                                rule(
                                        "grid_code",
                                        col("grid_code").isNull(),
                                        RejectRule.MISSING_KEY,
                                        "grid_code is missing"),
                                rule(
                                        "grid_level",
                                        col("grid_level")
                                                .isNull()
                                                .or(col("grid_level").lt(1))
                                                .or(col("grid_level").gt(4)),
                                        RejectRule.INVALID_VALUE,
                                        "grid_level is not 1-4"),
                                future("updated_at", extractedAt)));
            case "event" ->
                new GridRowsToStaged(
                        "event",
                        List.of("event_id"),
                        List.of(
                                rule(
                                        "event_id",
                                        col("event_id").isNull(),
                                        RejectRule.MISSING_KEY,
                                        "event_id is missing"),
                                rule(
                                        "grid_code",
                                        col("grid_code").isNull(),
                                        RejectRule.MISSING_KEY,
                                        "grid_code is missing"),
                                rule(
                                        "category_code",
                                        col("category_code").isNull(),
                                        RejectRule.REQUIRED_MISSING,
                                        "category_code is missing"),
                                rule(
                                        "reported_at",
                                        col("reported_at").isNull(),
                                        RejectRule.REQUIRED_MISSING,
                                        "reported_at is missing"),
                                future("reported_at", extractedAt),
                                future("updated_at", extractedAt)));
            case "event_flow" ->
                new GridRowsToStaged(
                        "event_flow",
                        List.of("event_id", "seq"),
                        List.of(
                                rule(
                                        "event_id",
                                        col("event_id").isNull(),
                                        RejectRule.MISSING_KEY,
                                        "event_id is missing"),
                                rule("seq", col("seq").isNull(), RejectRule.MISSING_KEY, "seq is missing"),
                                rule(
                                        "action",
                                        col("action")
                                                .isNull()
                                                .or(not(col("action").isin(ACTIONS.toArray()))),
                                        RejectRule.INVALID_VALUE,
                                        "action is not one of " + ACTIONS),
                                rule(
                                        "acted_at",
                                        col("acted_at").isNull(),
                                        RejectRule.REQUIRED_MISSING,
                                        "acted_at is missing"),
                                future("acted_at", extractedAt)));
            default -> throw new IllegalArgumentException("not a grid-system table: " + table);
        };
    }

    private static GridRowsToStaged.Rule rule(String column, Column failing, RejectRule rule, String reason) {
        return new GridRowsToStaged.Rule(column, failing, rule, reason);
    }

    /** A vendor clock error: the row says something happened after the extract began. */
    private static GridRowsToStaged.Rule future(String column, LocalDateTime extractedAt) {
        return rule(
                column,
                col(column).gt(lit(extractedAt)),
                RejectRule.FUTURE_TIMESTAMP,
                column + " is later than the extraction at " + extractedAt);
    }

    /**
     * Stages each table from {@code landedRoot/<table>} into {@code stagingRoot/<table>}, judging
     * timestamps against {@code extractedAt} (vendor wall-clock time).
     */
    public List<SourceAccount> stage(
            Path landedRoot, Path stagingRoot, Quarantine quarantine, LocalDateTime extractedAt) {
        List<SourceAccount> accounts = new ArrayList<>();
        for (String table : TABLES) {
            Dataset<Row> landed = spark.read().parquet(landedRoot.resolve(table).toString());
            long read = landed.count();
            GridRowsToStaged.Split split = contract(table, extractedAt).apply(landed);
            Dataset<Row> staged = split.staged();
            Dataset<Row> rejected = split.rejected();
            if (table.equals("event")) {
                staged = new ReporterIdentifiersToNullNotes().apply(staged);
            } else if (table.equals("event_flow")) {
                GridRowsToStaged.Split deduplicated = new DuplicateFlowsToRejects().apply(staged);
                staged = deduplicated.staged();
                rejected = rejected.unionByName(deduplicated.rejected());
            }
            String target = stagingRoot.resolve(table).toString();
            staged.write().mode("overwrite").parquet(target);
            long stagedRows = spark.read().parquet(target).count();
            long quarantined = quarantine.write(Source.GRID_SYSTEM.id() + "_" + table, rejected);
            accounts.add(new SourceAccount(Source.GRID_SYSTEM.id(), table, read, stagedRows, quarantined, null));
        }
        return accounts;
    }
}
