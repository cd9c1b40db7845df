package io.shequ.jobs.check;

import io.shequ.jobs.run.QualityGate;
import java.util.List;

/** Error-level data-quality rules failed: nothing may be published from this run. */
public final class DataQualityGateException extends RuntimeException implements QualityGate {

    private final transient List<RuleOutcome> failures;

    public DataQualityGateException(List<RuleOutcome> failures) {
        super("data-quality gate blocked publishing: "
                + failures.stream()
                        .map(f -> f.dataset() + ": " + f.rule() + " (" + f.reason() + ")")
                        .toList());
        this.failures = List.copyOf(failures);
    }

    public List<RuleOutcome> failures() {
        return failures;
    }
}
