package io.shequ.jobs.check;

/** One DQDL rule's result on one dataset: level is "error" (blocks publishing) or "warn". */
public record RuleOutcome(String dataset, String level, String rule, String outcome, String reason) {

    public boolean failed() {
        return !"Passed".equalsIgnoreCase(outcome);
    }

    public boolean blocks() {
        return "error".equals(level) && failed();
    }
}
