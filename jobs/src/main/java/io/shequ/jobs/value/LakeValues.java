package io.shequ.jobs.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.ledger.ProcurementLedgerStaging;
import io.shequ.jobs.stage.report.StreetOfficeReportStaging;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake side of value accounting, from the conformed fact rows the lake step is about to
 * commit: per source file, the sum of each numeric field's lake column, reconciled with the staged
 * rows. A staged row is out of the lake only for a named reason, matched on file, sheet and line:
 * conform quarantined it (unresolved name), or a later submission replaced it (the rows conform's
 * {@code LatestSubmission} left out, as conform wrote them: {@link #superseded}). A fact row the
 * lake check quarantined is counted by the value it carried. Staged = lake + those, or the
 * difference is a problem, with the staged rows no reason covers named.
 */
public final class LakeValues {

    /** Where a file source's rows are staged and which fact table carries them to the lake. */
    private record Route(String stagedDataset, String factTable) {}

    private static final Map<String, Route> ROUTES = Map.of(
            Source.STREET_OFFICES.id(), new Route(StreetOfficeReportStaging.DATASET, "fct_community_reports"),
            Source.PROCUREMENT.id(), new Route(ProcurementLedgerStaging.DATASET, "fct_service_contracts"));

    static final String UNEXPLAINED = "unexplained: no fact row, no quarantine row, not superseded";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** The folder under the run's conformed tables where conform writes a staged dataset's superseded rows. */
    public static String superseded(String stagedDataset) {
        return "superseded_" + stagedDataset;
    }

    public List<ValueAccount> reconcile(List<ValueAccount> accounts) {
        List<ValueAccount> out = new ArrayList<>(accounts);
        ROUTES.forEach((source, route) -> {
            Path facts = conformed.resolve(route.factTable());
            Path staged = staging.resolve(route.stagedDataset());
            List<ValueAccount> mine =
                    accounts.stream().filter(a -> a.source().equals(source)).toList();
            if (mine.isEmpty() || !Files.exists(facts) || !Files.exists(staged)) {
                return;
            }
            Reconciled r = reconcile(
                    route, spark.read().parquet(facts.toString()), spark.read().parquet(staged.toString()), mine);
            for (int i = 0; i < out.size(); i++) {
                ValueAccount a = out.get(i);
                if (a.source().equals(source)) {
                    out.set(i, r.apply(a));
                }
            }
        });
        return out;
    }

    /** A value out of the lake, with where it was and why. */
    private record Missing(int line, Map<String, BigDecimal> values, String why) {}

    /** What the lake holds per file and column, and the values out of it per file. */
    private record Reconciled(Map<String, Row> lakeSums, Map<String, List<Missing>> missing) {
        ValueAccount apply(ValueAccount a) {
            Row sums = lakeSums.get(a.location());
            BigDecimal inLake = sums == null ? BigDecimal.ZERO : sums.getDecimal(sums.fieldIndex(a.lakeColumn()));
            BigDecimal missingSum = BigDecimal.ZERO;
            List<String> named = new ArrayList<>();
            for (Missing m : missing.getOrDefault(a.location(), List.of())) {
                BigDecimal v = m.values().get(a.field());
                if (v == null) {
                    continue;
                }
                boolean explained = !m.why().equals(UNEXPLAINED);
                if (explained) {
                    missingSum = missingSum.add(v);
                }
                if (named.size() < ValueAccount.NAMED_ROWS || !explained) {
                    named.add(a.location() + ":" + m.line() + " " + v.toPlainString() + " (" + m.why() + ")");
                }
            }
            return a.withLake(inLake, missingSum, named);
        }
    }

    private Reconciled reconcile(Route route, Dataset<Row> facts, Dataset<Row> staged, List<ValueAccount> accounts) {
        List<String> lakeColumns =
                accounts.stream().map(ValueAccount::lakeColumn).distinct().toList();
        List<Column> sums = lakeColumns.stream()
                .map(c -> coalesce(sum(col(c)).cast("decimal(38,2)"), lit(0)).as(c))
                .toList();
        Map<String, Row> lakeSums = new HashMap<>();
        for (Row r : facts.groupBy("source_file")
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
                .collectAsList()) {
            lakeSums.put(r.getString(0), r);
        }
        List<String> fields =
                accounts.stream().map(ValueAccount::field).distinct().toList();
        Map<String, List<Missing>> missing = new HashMap<>();
        Dataset<Row> reasons = reasons(route);
        Dataset<Row> withReason = staged.join(
                reasons,
                staged.col("source_file")
                        .equalTo(reasons.col("_file"))
                        .and(staged.col("source_sheet").eqNullSafe(reasons.col("_sheet")))
                        .and(staged.col("source_line").equalTo(reasons.col("_line"))),
                "left");
        // a staged row with no reason and no fact row at its file and line is out of the lake for no known reason
        Dataset<Row> inLake = facts.select(
                        col("source_file").as("_lake_file"), col("source_line").as("_lake_line"))
                .distinct();
        Dataset<Row> unexplained = withReason
                .filter(col("_why").isNull())
                .join(
                        inLake,
                        col("source_file")
                                .equalTo(col("_lake_file"))
                                .and(col("source_line").equalTo(col("_lake_line"))),
                        "left_anti")
                .withColumn("_why", lit(UNEXPLAINED));
        List<Column> kept = new ArrayList<>(List.of(col("source_file"), col("source_line"), col("_why")));
        fields.forEach(f -> kept.add(col(f)));
        for (Row r : withReason
                .filter(col("_why").isNotNull())
                .select(kept.toArray(Column[]::new))
                .unionByName(unexplained.select(kept.toArray(Column[]::new)))
                .collectAsList()) {
            Map<String, BigDecimal> values = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                Object value = r.get(3 + i);
                if (value != null) {
                    values.put(fields.get(i), value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
                }
            }
            missing.computeIfAbsent(r.getString(0), f -> new ArrayList<>())
                    .add(new Missing(r.getInt(1), values, r.getString(2)));
        }
        lakeCheckTaken(route, accounts, missing);
        return new Reconciled(lakeSums, missing);
    }

    /** Per staged row (file, sheet, line), why it reached no fact: conform's quarantine or a later submission. */
    private Dataset<Row> reasons(Route route) {
        List<Dataset<Row>> reasons = new ArrayList<>();
        String taken = "conform_" + route.stagedDataset();
        if (Files.exists(quarantine.folder(taken))) {
            reasons.add(quarantine
                    .read(spark, taken)
                    .select(
                            col("location").as("_file"),
                            col("sheet").as("_sheet"),
                            col("line").cast("int").as("_line"),
                            concat(col("rule"), lit(": "), col("reason")).as("_why")));
        }
        Path superseded = conformed.resolve(superseded(route.stagedDataset()));
        if (Files.exists(superseded)) {
            reasons.add(spark.read()
                    .parquet(superseded.toString())
                    .select(
                            col("source_file").as("_file"),
                            col("source_sheet").as("_sheet"),
                            col("source_line").as("_line"),
                            concat(lit("superseded by "), col("superseded_by")).as("_why")));
        }
        if (reasons.isEmpty()) {
            return spark.emptyDataFrame()
                    .selectExpr(
                            "CAST(NULL AS STRING) AS _file",
                            "CAST(NULL AS STRING) AS _sheet",
                            "CAST(NULL AS INT) AS _line",
                            "CAST(NULL AS STRING) AS _why")
                    .limit(0);
        }
        return reasons.stream()
                .reduce(Dataset::unionByName)
                .orElseThrow()
                .groupBy("_file", "_sheet", "_line")
                .agg(first("_why").as("_why"));
    }

    /** The fact rows the lake check quarantined, by the lake column values they carried (the quarantine's raw row). */
    private void lakeCheckTaken(Route route, List<ValueAccount> accounts, Map<String, List<Missing>> missing) {
        String taken = "dq_lake_" + route.factTable();
        if (!Files.exists(quarantine.folder(taken))) {
            return;
        }
        List<Row> rows = quarantine
                .read(spark, taken)
                .select("location", "line", "rule", "reason", "raw")
                .collectAsList();
        // a staged row whose every fact row the lake check took is explained by those rows
        Set<String> takenLines = new HashSet<>();
        rows.forEach(q -> takenLines.add(q.getString(0) + ":" + q.getString(1)));
        missing.forEach((file, list) ->
                list.removeIf(m -> m.why().equals(UNEXPLAINED) && takenLines.contains(file + ":" + m.line())));
        for (Row q : rows) {
            Map<String, BigDecimal> values = new HashMap<>();
            try {
                JsonNode raw = JSON.readTree(q.getString(4));
                for (ValueAccount a : accounts) {
                    JsonNode v = raw == null ? null : raw.get(a.lakeColumn());
                    if (v != null && !v.isNull()) {
                        values.put(a.field(), new BigDecimal(v.asText()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                continue; // no values to count: the identity then fails loudly for the file
            }
            missing.computeIfAbsent(q.getString(0), f -> new ArrayList<>())
                    .add(new Missing(
                            q.getString(1) == null ? 0 : Integer.parseInt(q.getString(1)),
                            values,
                            "lake check " + q.getString(2) + ": " + q.getString(3)));
        }
    }
}
