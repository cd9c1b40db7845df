package io.shequ.jobs.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lake tables in the metric history: measured as {@code lake/<table>} beside the staged datasets
 * of the same run (neither replaces the other's rows), judged by {@code anomaly/lake/<table>.*.yml}
 * (the shipped warn rules, and an error rule from the user's folder that blocks), not judged in a
 * partial run, and a table nothing profiles or watches is not measured at all.
 */
class LakeTableAnomaliesTest {

    private static SparkSession spark;

    @TempDir
    Path rules;

    private MetricHistory history;
    private JdbcTemplate jdbc;

    @BeforeAll
    static void spark() {
        spark = TestSpark.session();
    }

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:lake-anomalies-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        history = new MetricHistory(h2);
        jdbc = new JdbcTemplate(h2);
    }

    /** {@code communities} report facts, one per community, 100 residents each. */
    private static Dataset<Row> facts(int communities) {
        return spark.range(communities)
                .selectExpr(
                        "CAST(370103001000 + id AS STRING) AS community_code",
                        "'2023-01' AS period",
                        "CAST(100 AS BIGINT) AS resident_population",
                        "CAST(NULL AS BIGINT) AS households");
    }

    @Test
    void lakeTablesAreMeasuredBesideTheStagedDatasetsAndJudgedByTheirOwnRules() throws Exception {
        AnomalyGate gate = new AnomalyGate(history, rules);
        gate.check("r1", Map.of("grids", spark.range(3).toDF("grid_id")), false, false);
        AnomalyGate.Findings first = gate.checkLake(
                "r1",
                Map.of(
                        "fct_community_reports",
                        facts(10),
                        "dim_date",
                        spark.range(5).toDF("date_key")),
                false);

        assertThat(metric("r1", "lake/fct_community_reports", "row_count", "*")).isEqualTo(10.0);
        assertThat(metric("r1", "lake/fct_community_reports", "distinct", "community_code"))
                .isEqualTo(10.0);
        assertThat(metric("r1", "lake/fct_community_reports", "sum", "resident_population"))
                .isEqualTo(1000.0);
        assertThat(metric("r1", "lake/fct_community_reports", "completeness", "households"))
                .isEqualTo(0.0);
        assertThat(metric("r1", "grids", "row_count", "*"))
                .as("the staged metrics of the run stay")
                .isEqualTo(3.0);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM shequ_dq_metric WHERE dataset = 'lake/dim_date'", Integer.class))
                .as("no profile and no rule: not measured")
                .isZero();
        assertThat(first.anomalies())
                .extracting(AnomalyOutcome::rule)
                .containsExactlyInAnyOrder("communities_with_facts_drop", "report_facts_drop");
        assertThat(first.anomalies()).allSatisfy(a -> assertThat(a.reason()).startsWith("no history yet"));

        AnomalyGate.Findings halved = gate.checkLake("r2", Map.of("fct_community_reports", facts(5)), false);
        AnomalyOutcome drop = anomaly(halved, "communities_with_facts_drop");
        assertThat(drop.failed()).as(drop.reason()).isTrue();
        assertThat(drop.dataset()).isEqualTo("lake/fct_community_reports");
        assertThat(drop.baseline()).isEqualTo(10.0);
        assertThat(halved.blocking()).as("the shipped lake rules warn").isEmpty();

        Files.createDirectories(rules.resolve("anomaly/lake"));
        Files.writeString(rules.resolve("anomaly/lake/fct_community_reports.error.yml"), """
                rules:
                  - name: facts_halved
                    metric: row_count
                    change: relative
                    min: 0.7
                """);
        AnomalyGate.Findings blocked = gate.checkLake("r3", Map.of("fct_community_reports", facts(4)), false);
        assertThat(blocked.blocking()).extracting(AnomalyOutcome::rule).containsExactly("facts_halved");
        assertThat(accepted("r3")).as("a blocked run is no history").isFalse();
        assertThat(accepted("r2")).as("a warning is history").isTrue();

        AnomalyGate.Findings partial = gate.checkLake("r4", Map.of("fct_community_reports", facts(1)), true);
        assertThat(partial.anomalies())
                .as("a backfill or retry is measured, not judged")
                .isEmpty();
        assertThat(metric("r4", "lake/fct_community_reports", "row_count", "*")).isEqualTo(1.0);
        assertThat(accepted("r4")).isFalse();
    }

    private static AnomalyOutcome anomaly(AnomalyGate.Findings findings, String rule) {
        return findings.anomalies().stream()
                .filter(a -> a.rule().equals(rule))
                .findFirst()
                .orElseThrow();
    }

    private Double metric(String run, String dataset, String metric, String column) {
        List<Double> values = jdbc.queryForList(
                "SELECT metric_value FROM shequ_dq_metric WHERE run_id = ? AND dataset = ? "
                        + "AND metric = ? AND column_name = ?",
                Double.class,
                run,
                dataset,
                metric,
                column);
        assertThat(values).as("%s %s %s(%s)", run, dataset, metric, column).hasSize(1);
        return values.get(0);
    }

    private Boolean accepted(String run) {
        return jdbc.queryForObject(
                        "SELECT MIN(CASE WHEN accepted THEN 1 ELSE 0 END) FROM shequ_dq_metric WHERE run_id = ?",
                        Integer.class,
                        run)
                == 1;
    }
}
