package io.shequ.jobs.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.ledger.ProcurementLedgerStaging;
import io.shequ.jobs.stage.report.StreetOfficeReportStaging;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake side of value accounting, from the conformed fact rows the lake step is about to
 * commit: per source file, the sum of each numeric field's lake column, and the staged rows that
 * reached no fact row, named by file and line with their values and why (the rule of the
 * conform or lake-check quarantine that took them, else superseded by a later file or amendment).
 * Staged = lake + those rows, or the difference is a problem.
 */
public final class LakeValues {

    /** Where a file source's rows are staged and which fact table carries them to the lake. */
    private record Route(String stagedDataset, String factTable) {
    }

    private static final Map<String, Route> ROUTES = Map.of(
            StreetOfficeReportStaging.SOURCE, new Route(StreetOfficeReportStaging.DATASET, "fct_community_reports"),
            ProcurementLedgerStaging.SOURCE, new Route(ProcurementLedgerStaging.DATASET, "fct_service_contracts"));

    static final String SUPERSEDED = "superseded: no fact row, and no quarantine took it";

    private final SparkSession spark;
    private final Path staging;
    private final Path conformed;
    private final Quarantine quarantine;

    public LakeValues(SparkSession spark, Path staging, Path conformed, Quarantine quarantine) {
        this.spark = spark;
        this.staging = staging;
        this.conformed = conformed;
        this.quarantine = quarantine;
    }

    public List<ValueAccount> reconcile(List<ValueAccount> accounts) {
        List<ValueAccount> out = new ArrayList<>(accounts);
        ROUTES.forEach((source, route) -> {
            Path facts = conformed.resolve(route.factTable());
            Path staged = staging.resolve(route.stagedDataset());
            List<ValueAccount> mine = accounts.stream().filter(a -> a.source().equals(source)).toList();
            if (mine.isEmpty() || !Files.exists(facts) || !Files.exists(staged)) {
                return;
            }
            Reconciled r = reconcile(route, spark.read().parquet(facts.toString()), spark.read().parquet(staged.toString()), mine);
            for (int i = 0; i < out.size(); i++) {
                ValueAccount a = out.get(i);
                if (a.source().equals(source)) {
                    out.set(i, r.apply(a));
                }
            }
        });
        return out;
    }

    /** What the lake holds per file and column, and the rows missing from it per file. */
    private record Reconciled(Map<String, Row> lakeSums, Map<String, List<Row>> missing, Map<String, String> why) {
        ValueAccount apply(ValueAccount a) {
            Row sums = lakeSums.get(a.location());
            BigDecimal inLake = sums == null ? BigDecimal.ZERO : sums.getDecimal(sums.fieldIndex(a.lakeColumn()));
            BigDecimal missingSum = BigDecimal.ZERO;
            List<String> named = new ArrayList<>();
            for (Row row : missing.getOrDefault(a.location(), List.of())) {
                Object value = row.get(row.fieldIndex(a.field()));
                if (value == null) {
                    continue;
                }
                BigDecimal v = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
                missingSum = missingSum.add(v);
                if (named.size() < ValueAccount.NAMED_ROWS) {
                    int line = row.getInt(row.fieldIndex("source_line"));
                    named.add(a.location() + ":" + line + " " + v.toPlainString() + " ("
                            + why.getOrDefault(a.location() + "\u0000" + line, SUPERSEDED) + ")");
                }
            }
            return a.withLake(inLake, missingSum, named);
        }
    }

    private Reconciled reconcile(Route route, Dataset<Row> facts, Dataset<Row> staged, List<ValueAccount> accounts) {
        List<String> lakeColumns = accounts.stream().map(ValueAccount::lakeColumn).distinct().toList();
        List<Column> sums = lakeColumns.stream().map(c -> coalesce(sum(col(c)).cast("decimal(38,2)"), lit(0)).as(c)).toList();
        Map<String, Row> lakeSums = new HashMap<>();
        for (Row r : facts.groupBy("source_file").agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
                .collectAsList()) {
            lakeSums.put(r.getString(0), r);
        }
        List<String> fields = accounts.stream().map(ValueAccount::field).distinct().toList();
        List<Column> kept = new ArrayList<>(List.of(col("source_file"), col("source_line")));
        fields.forEach(f -> kept.add(col(f)));
        Map<String, List<Row>> missing = new HashMap<>();
        Dataset<Row> inLake = facts.select(col("source_file").as("lake_file"), col("source_line").as("lake_line")).distinct();
        for (Row r : staged.join(inLake, staged.col("source_file").equalTo(inLake.col("lake_file"))
                        .and(staged.col("source_line").equalTo(inLake.col("lake_line"))), "left_anti")
                .select(kept.toArray(Column[]::new)).collectAsList()) {
            missing.computeIfAbsent(r.getString(0), f -> new ArrayList<>()).add(r);
        }
        Map<String, String> why = new HashMap<>();
        if (!missing.isEmpty()) {
            for (String taken : List.of("conform_" + route.stagedDataset(), "dq_lake_" + route.factTable())) {
                if (Files.exists(quarantine.folder(taken))) {
                    for (Row q : quarantine.read(spark, taken).select("location", "line", "rule", "reason").collectAsList()) {
                        why.putIfAbsent(q.getString(0) + "\u0000" + q.getString(1), q.getString(2) + ": " + q.getString(3));
                    }
                }
            }
        }
        return new Reconciled(lakeSums, missing, why);
    }
}
