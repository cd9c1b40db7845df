package io.shequ.jobs.check;

/**
 * Where in the run a rule file guards its dataset: the staged sources (before conform) or the
 * lake tables (conformed, before they are committed to the lake and published). The name is the
 * rule files' folder, {@code dq/<stage>/}.
 */
public enum RuleStage {
    STAGED("staged"),
    LAKE("lake");

    private final String folder;

    RuleStage(String folder) {
        this.folder = folder;
    }

    /** The folder name, also recorded with each outcome. */
    public String folder() {
        return folder;
    }
}
