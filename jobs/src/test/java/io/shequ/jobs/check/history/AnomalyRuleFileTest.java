package io.shequ.jobs.check.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyRuleFileTest {

    @TempDir
    Path folder;

    @Test
    void readsEveryKeyOfARule() {
        List<AnomalyRule> rules = AnomalyRuleFile.read("x.yml", """
                rules:
                  - name: rows_drop
                    metric: row_count
                    change: relative
                    min: 0.7
                  - name: blanks
                    metric: completeness
                    column: resident_population
                    change: absolute
                    min: -0.1
                    max: 0.5
                    history: 5
                    description: more blanks
                """, "community_reports", "warn");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).metricKey()).isEqualTo(new MetricKey("community_reports", "row_count", "*"));
        assertThat(rules.get(0).history()).as("default history").isEqualTo(AnomalyRule.DEFAULT_HISTORY);
        assertThat(rules.get(0).max()).isNull();
        AnomalyRule blanks = rules.get(1);
        assertThat(blanks.level()).isEqualTo("warn");
        assertThat(blanks.change()).isEqualTo(AnomalyRule.Change.ABSOLUTE);
        assertThat(blanks.min()).isEqualTo(-0.1);
        assertThat(blanks.max()).isEqualTo(0.5);
        assertThat(blanks.history()).isEqualTo(5);
        assertThat(blanks.location()).as("the rule's place in its file").isEqualTo("x.yml line 6, column 5");
    }

    @Test
    void aMistakeNamesFileLineColumnAndKey() {
        assertThatThrownBy(() -> AnomalyRuleFile.read("dq/anomaly/a.error.yml", """
                rules:
                  - name: rows_drop
                    metric: row_count
                    change: relative
                    min: 0.7
                  - name: other
                    metric: row_count
                    change: ratio
                    min: 0.7
                """, "a", "error"))
                .hasMessage(
                        "dq/anomaly/a.error.yml line 8, column 13: rules[1].change: 'ratio' is not a change; expected relative or absolute");
        assertThatThrownBy(() -> AnomalyRuleFile.read("f.yml", """
                rules:
                  - name: rows_drop
                    metric: rows
                    change: relative
                    min: 0.7
                """, "a", "error"))
                .hasMessageStartingWith("f.yml line 3, column 13: rules[0].metric: 'rows' is not a metric");
        assertThatThrownBy(() -> AnomalyRuleFile.read("f.yml", """
                rules:
                  - name: sums
                    metric: sum
                    change: relative
                    min: 0.7
                """, "a", "error"))
                .hasMessage("f.yml line 2, column 5: rules[0]: 'column' is required");
        assertThatThrownBy(() -> AnomalyRuleFile.read("f.yml", """
                rules:
                  - name: rows_drop
                    metric: row_count
                    change: relative
                """, "a", "error"))
                .hasMessageContaining("give min, max or both");
        assertThatThrownBy(() -> AnomalyRuleFile.read("f.yml", """
                rules:
                  - name: rows_drop
                    metric: row_count
                    change: relative
                    min: lots
                """, "a", "error"))
                .hasMessage("f.yml line 5, column 10: rules[0].min: expected a number, got 'lots'");
    }

    @Test
    void aFileInTheUsersRuleFolderReplacesTheBundledOne() throws Exception {
        List<String> columns = List.of("source_file", "resident_population", "community_name_normalized");
        List<AnomalyRule> bundled = new AnomalyRules(new RuleFileSource(folder)).of("community_reports", columns);
        assertThat(bundled)
                .extracting(AnomalyRule::name)
                .as("the shipped rules, both levels")
                .contains("report_rows_drop", "report_files_drop");
        Files.createDirectories(folder.resolve("anomaly"));
        Files.writeString(folder.resolve("anomaly/community_reports.error.yml"), """
                rules:
                  - name: fewer_files
                    metric: distinct
                    column: source_file
                    change: relative
                    min: 0.4
                """);
        List<AnomalyRule> rules = new AnomalyRules(new RuleFileSource(folder)).of("community_reports", columns);
        assertThat(rules.stream().filter(r -> r.level().equals("error")))
                .extracting(AnomalyRule::name)
                .as("the user's error file replaces the bundled one")
                .containsExactly("fewer_files");
        assertThat(rules.stream().filter(r -> r.level().equals("warn")))
                .as("the bundled warn file still applies")
                .isNotEmpty();

        Files.writeString(folder.resolve("anomaly/community_reports.error.yml"), """
                rules:
                  - name: fewer_files
                    metric: distinct
                    column: sourcefile
                    change: relative
                    min: 0.4
                """);
        assertThatThrownBy(() -> new AnomalyRules(new RuleFileSource(folder)).of("community_reports", columns))
                .hasMessageContaining(
                        "line 2, column 5: rule fewer_files: column 'sourcefile' is not in the staged dataset");
    }
}
