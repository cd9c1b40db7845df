package io.shequ.jobs.check;

import com.amazon.deequ.dqdl.util.DefaultDQDLParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.glue.dqdl.model.DQRule;

/**
 * A rule file parsed by Deequ's DQDL parser, checked before any data is read: a syntax error
 * names the file and the parser's line:column ({@link InvalidRuleFile}).
 */
public record DqdlRuleset(RuleFile file, List<DqdlRule> rules) {

    /** A rule file Deequ cannot parse; the message names the file, line and column. */
    public static final class InvalidRuleFile extends IllegalArgumentException {
        public InvalidRuleFile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A file left empty, only comments, or {@code Rules = [ ]}: switched off (Deequ's parser refuses it). */
    private static final Pattern NO_RULES = Pattern.compile("\\s*(Rules\\s*=\\s*\\[\\s*\\]\\s*)?");

    public DqdlRuleset {
        rules = List.copyOf(rules);
    }

    public static DqdlRuleset parse(RuleFile file) {
        if (NO_RULES.matcher(file.text()).matches()) {
            return new DqdlRuleset(file, List.of());
        }
        List<DQRule> parsed;
        try {
            parsed = DefaultDQDLParser.parse(file.text()).getRules();
        } catch (RuntimeException e) {
            throw new InvalidRuleFile("rule file " + file.origin() + ": " + e.getMessage(), e);
        }
        List<DqdlRule> rules = new ArrayList<>();
        for (DQRule rule : parsed) {
            List<String> columns = rule.getParameters().entrySet().stream()
                    .filter(p -> p.getKey().startsWith("TargetColumn"))
                    .sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue)
                    .toList();
            boolean rowScoped = DqdlRule.ROW_SCOPED_TYPES.contains(rule.getRuleType())
                    && rule.getThresholdCondition() == null
                    && rule.getNestedRules().isEmpty();
            rules.add(new DqdlRule(rule.toString(), rule.getRuleType(), columns, file.level(), rowScoped));
        }
        return new DqdlRuleset(file, rules);
    }

    public String text() {
        return file.text();
    }

    public String level() {
        return file.level();
    }
}
