package io.shequ.jobs.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.jobs.spark.TestSpark;
import io.shequ.jobs.stage.Quarantine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule files judge a staged dataset row by row: error-level row-scoped failures leave the data for
 * the quarantine with every rule they failed, warn-level ones stay and are recorded, and
 * dataset-level error failures block.
 */
class DatasetCheckTest {

    private static final String SOURCE = "street_office_reports";
    private static final CheckedDataset REPORTS =
            new CheckedDataset("reports", "reports", SOURCE, "reports", List.of());

    private static SparkSession spark;

    @TempDir
    Path home;

    @BeforeAll
    static void spark() {
        spark = TestSpark.session();
    }

    /** id, name, amount, and where the row came from. */
    private Path staged() {
        Path folder = home.resolve("staging/reports");
        spark.sql("""
                SELECT * FROM VALUES
                  (1, 'a', 10, 'f.xlsx', 'Sheet1', 2),
                  (2, CAST(NULL AS STRING), 500, 'f.xlsx', 'Sheet1', 3),
                  (3, 'cc', 50, 'g.csv', CAST(NULL AS STRING), 2),
                  (4, 'dd', 700, 'g.csv', CAST(NULL AS STRING), 3)
                  AS t(id, name, amount, source_file, source_sheet, source_line)""").write().parquet(folder.toString());
        return folder;
    }

    private void rules(String relative, String text) throws Exception {
        Path file = home.resolve("rules").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private DatasetCheck check() {
        return new DatasetCheck(
                spark,
                new DataQualityGate(home.resolve("rules")),
                new Quarantine(home.resolve("quarantine/run1"), "run1"),
                new Quarantine(home.resolve("dq-warned/run1"), "run1"),
                home.resolve("work/run1/before-check"));
    }

    @Test
    void errorRowsLeaveWithEveryRuleTheyFailedWarnRowsStayAndDatasetRulesBlock() throws Exception {
        Path folder = staged();
        rules("staged/reports.error.dqdl", """
                # a comment line, blanked so that line numbers stay the file's
                Rules = [
                    IsComplete "name",
                    ColumnValues "amount" <= 100,
                    Completeness "name" > 0.9,
                    IsUnique "id"
                ]""");
        rules("staged/reports.warn.dqdl", "Rules = [ ColumnLength \"name\" <= 1 ]");

        DatasetCheck.Result result = check().run(RuleStage.STAGED, REPORTS, folder, Map.of());

        assertThat(spark.read()
                        .parquet(folder.toString())
                        .select("id")
                        .as(Encoders.INT())
                        .collectAsList())
                .as("rows 2 and 4 failed error-level row rules and left the staged data")
                .containsExactlyInAnyOrder(1, 3);
        Map<String, Row> quarantined =
                byLine(new Quarantine(home.resolve("quarantine/run1"), "run1").read(spark, "dq_staged_reports"));
        assertThat(quarantined).as("quarantine by file:line").containsOnlyKeys("f.xlsx:3", "g.csv:3");
        Row both = quarantined.get("f.xlsx:3");
        assertThat(both.<String>getAs("rule"))
                .as("a row failing two rules carries both names")
                .isEqualTo("IsComplete \"name\"; ColumnValues \"amount\" <= 100");
        assertThat(both.<String>getAs("reason"))
                .contains("error IsComplete \"name\": name = null")
                .contains("error ColumnValues \"amount\" <= 100: amount = 500");
        assertThat(both.<String>getAs("sheet")).isEqualTo("Sheet1");
        assertThat(both.<String>getAs("run_id")).isEqualTo("run1");
        assertThat(both.<String>getAs("raw")).contains("\"amount\":500");
        assertThat(quarantined.get("g.csv:3").<String>getAs("rule"))
                .as("warn-level names travel with an error row")
                .isEqualTo("ColumnValues \"amount\" <= 100; ColumnLength \"name\" <= 1");
        assertThat(result.quarantinedByLocation()).isEqualTo(Map.of("f.xlsx", 1L, "g.csv", 1L));

        Map<String, Row> warned =
                byLine(new Quarantine(home.resolve("dq-warned/run1"), "run1").read(spark, "dq_staged_reports"));
        assertThat(warned)
                .as("a warn-only row is recorded, and stays in the data")
                .containsOnlyKeys("g.csv:2");
        assertThat(warned.get("g.csv:2").<String>getAs("reason"))
                .isEqualTo("warn ColumnLength \"name\" <= 1: name = cc");
        assertThat(result.warnedRows()).isEqualTo(1);

        Map<String, RuleOutcome> outcomes =
                result.outcomes().stream().collect(Collectors.toMap(RuleOutcome::rule, o -> o));
        assertThat(outcomes.get("IsComplete \"name\"").failedRows()).isEqualTo(1L);
        assertThat(outcomes.get("ColumnValues \"amount\" <= 100").failedRows()).isEqualTo(2L);
        assertThat(outcomes.get("ColumnValues \"amount\" <= 100").blocks())
                .as("its rows were taken out")
                .isFalse();
        assertThat(outcomes.get("Completeness \"name\" > 0.9").blocks())
                .as("a dataset-level error blocks")
                .isTrue();
        assertThat(outcomes.get("Completeness \"name\" > 0.9").failedRows())
                .as("no row is at fault")
                .isNull();
        assertThat(outcomes.get("IsUnique \"id\"").blocks()).isFalse();
        assertThat(outcomes.get("ColumnLength \"name\" <= 1").blocks())
                .as("warn never blocks")
                .isFalse();
        assertThat(outcomes.get("ColumnLength \"name\" <= 1").failedRows()).isEqualTo(2L);

        DatasetCheck.Result again = check().run(RuleStage.STAGED, REPORTS, folder, Map.of());
        assertThat(again.quarantinedByLocation())
                .as("a restarted check judges the same rows again")
                .isEqualTo(result.quarantinedByLocation());
        assertThat(spark.read().parquet(folder.toString()).count()).isEqualTo(2);
    }

    @Test
    void aUsersFileUnderTheOldFlatNameStillOverridesAnEmptyOneSwitchesOffAndABadOneIsNamedWithItsLine()
            throws Exception {
        Path folder = staged();
        rules("reports.error.dqdl", "Rules = [ RowCount > 100 ]");
        DatasetCheck.Result result = check().run(RuleStage.STAGED, REPORTS, folder, Map.of());
        assertThat(result.outcomes())
                .singleElement()
                .satisfies(o -> assertThat(o.blocks()).isTrue());
        assertThat(spark.read().parquet(folder.toString()).count())
                .as("nothing taken out")
                .isEqualTo(4);

        rules("staged/reports.error.dqdl", "# switched off\nRules = [\n]\n");
        assertThat(check().run(RuleStage.STAGED, REPORTS, folder, Map.of()).outcomes())
                .as("an empty file in the staged/ folder wins over the flat name and switches the rules off")
                .isEmpty();

        rules("staged/reports.error.dqdl", "# bad\nRules = [\n    IsComplete \"name\",\n    NoSuchRule 3\n]");
        assertThatThrownBy(() -> check().run(RuleStage.STAGED, REPORTS, folder, Map.of()))
                .isInstanceOf(DqdlRuleset.InvalidRuleFile.class)
                .hasMessageContaining(
                        home.resolve("rules/staged/reports.error.dqdl").toString())
                .hasMessageContaining("line 4");
    }

    private static Map<String, Row> byLine(Dataset<Row> rows) {
        return rows.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("location") + ":" + r.<String>getAs("line"), r -> r));
    }
}
