package io.shequ.jobs.check.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A dataset's anomaly rules from {@code anomaly/<dataset>.error.yml} (a failure blocks
 * publishing) and {@code anomaly/<dataset>.warn.yml} (reported), each found in the user's rule
 * folder first, else bundled.
 */
final class AnomalyRules {

    private static final List<String> LEVELS = List.of("error", "warn");

    private final RuleFileSource files;

    AnomalyRules(RuleFileSource files) {
        this.files = files;
    }

    /** The dataset's rules; a rule on a column the dataset does not have is an error naming the rule's place. */
    List<AnomalyRule> of(String dataset, List<String> columns) {
        List<AnomalyRule> rules = new ArrayList<>();
        for (String level : LEVELS) {
            files.find("anomaly/" + dataset + "." + level + ".yml")
                    .ifPresent(
                            file -> rules.addAll(AnomalyRuleFile.read(file.location(), file.text(), dataset, level)));
        }
        for (AnomalyRule rule : rules) {
            if (!DatasetMetric.WHOLE_DATASET.equals(rule.column()) && !columns.contains(rule.column())) {
                throw new IllegalArgumentException(
                        rule.location() + ": rule " + rule.name() + ": column '" + rule.column() + "' is not in the "
                                + (LakeTableMetrics.isLake(dataset) ? "lake table " : "staged dataset ") + dataset
                                + " (its columns: " + String.join(", ", columns) + ")");
            }
        }
        return rules;
    }
}
