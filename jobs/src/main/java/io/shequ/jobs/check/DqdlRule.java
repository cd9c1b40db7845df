package io.shequ.jobs.check;

import java.util.List;
import java.util.Set;

/**
 * One parsed DQDL rule, as Deequ names it in its outcomes ({@link #text}).
 *
 * <p>A rule is <em>row-scoped</em> when each row passes or fails it on its own values and the
 * rule holds only if every row passes: {@code IsComplete}, and {@code ColumnValues} or
 * {@code ColumnLength} without a {@code with threshold}. Only row-scoped rules put rows in
 * quarantine. Deequ also gives row-level results for rules about the whole dataset (a
 * {@code Completeness > 0.95} marks every null, an {@code IsUnique} every duplicate), but there a
 * single row is not at fault, so those outcomes stay dataset-level.
 *
 * @param text    the rule as Deequ prints it, e.g. {@code IsComplete "community_name"}
 * @param type    the rule type, e.g. {@code ColumnValues}
 * @param columns the columns the rule reads, whose values a failing row reports
 * @param level   "error" or "warn"
 */
public record DqdlRule(String text, String type, List<String> columns, String level, boolean rowScoped) {

    static final Set<String> ROW_SCOPED_TYPES = Set.of("IsComplete", "ColumnValues", "ColumnLength");

    public DqdlRule {
        columns = List.copyOf(columns);
    }

    public boolean isError() {
        return "error".equals(level);
    }
}
