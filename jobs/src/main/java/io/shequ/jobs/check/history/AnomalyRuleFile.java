package io.shequ.jobs.check.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one anomaly rule file, {@code anomaly/<dataset>.<level>.yml}. Each complaint names the
 * file, the line and column, and the key a user got wrong:
 *
 * <pre>
 * rules:
 *   - name: report_rows_drop
 *     metric: row_count            # row_count | completeness | distinct | sum
 *     column: resident_population  # not for row_count
 *     change: relative             # relative (this run ÷ baseline) | absolute (this run − baseline)
 *     min: 0.7                     # lowest accepted change; min or max or both
 *     max: 3
 *     history: 3                   # baseline: median of this many earlier accepted runs
 *     description: half the usual reports means offices did not deliver
 * </pre>
 */
final class AnomalyRuleFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> RULE_KEYS =
            Set.of("name", "metric", "column", "change", "min", "max", "history", "description");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String location;
    private final YamlPositions positions;

    private AnomalyRuleFile(String location, YamlPositions positions) {
        this.location = location;
        this.positions = positions;
    }

    static List<AnomalyRule> read(String location, String text, String dataset, String level) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ":";
            throw new IllegalArgumentException(
                    location + ":" + where + " not valid YAML: " + e.getOriginalMessage(), e);
        }
        return new AnomalyRuleFile(location, YamlPositions.of(text)).rules(root, dataset, level);
    }

    private List<AnomalyRule> rules(JsonNode root, String dataset, String level) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isObject() || !root.has("rules")) {
            throw invalid("", "expected a mapping with the key rules");
        }
        JsonNode list = root.get("rules");
        if (list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw invalid("rules", "expected a list of rules");
        }
        List<AnomalyRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            AnomalyRule rule = rule(list.get(i), "rules[" + i + "]", dataset, level);
            if (!names.add(rule.name())) {
                throw invalid("rules[" + i + "].name", "'" + rule.name() + "' is used twice in this file");
            }
            rules.add(rule);
        }
        return rules;
    }

    private AnomalyRule rule(JsonNode node, String key, String dataset, String level) {
        if (!node.isObject()) {
            throw invalid(key, "expected a mapping with name, metric, change and min or max");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!RULE_KEYS.contains(field)) {
                throw invalid(
                        key + "." + field, "unknown key '" + field + "'; expected one of " + new TreeSet<>(RULE_KEYS));
            }
        }
        String name = text(node, key, "name");
        if (!NAME.matcher(name).matches()) {
            throw invalid(key + ".name", "'" + name + "' is not lower_snake_case");
        }
        String metricText = text(node, key, "metric");
        MetricName metric = MetricName.parse(metricText)
                .orElseThrow(() -> invalid(
                        key + ".metric",
                        "'" + metricText + "' is not a metric; expected one of " + MetricName.writtenNames()));
        String column = DatasetMetric.WHOLE_DATASET;
        if (metric.needsColumn()) {
            column = text(node, key, "column");
        } else if (node.has("column")) {
            throw invalid(key + ".column", metric.written() + " is measured on the whole dataset: leave column out");
        }
        String changeText = text(node, key, "change");
        AnomalyRule.Change change;
        try {
            change = AnomalyRule.Change.valueOf(changeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(key + ".change", "'" + changeText + "' is not a change; expected relative or absolute");
        }
        Double min = number(node, key, "min");
        Double max = number(node, key, "max");
        if (min == null && max == null) {
            throw invalid(key, "give min, max or both: the accepted range of the change");
        }
        if (min != null && max != null && min > max) {
            throw invalid(key + ".min", "min " + min + " is above max " + max);
        }
        int history = AnomalyRule.DEFAULT_HISTORY;
        if (node.has("history")) {
            JsonNode h = node.get("history");
            if (!h.canConvertToInt() || !h.isIntegralNumber() || h.asInt() < 1) {
                throw invalid(
                        key + ".history", "expected a whole number of runs, at least 1, got '" + h.asText() + "'");
            }
            history = h.asInt();
        }
        String description = node.path("description").asText("");
        return new AnomalyRule(
                dataset,
                level,
                name,
                metric,
                column,
                change,
                min,
                max,
                history,
                description,
                location + " " + positions.at(key));
    }

    private String text(JsonNode node, String key, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank() || value.isContainerNode()) {
            throw invalid(node.has(field) ? key + "." + field : key, "'" + field + "' is required");
        }
        return value.asText().strip();
    }

    private Double number(JsonNode node, String key, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw invalid(key + "." + field, "expected a number, got '" + value.asText() + "'");
        }
        return value.asDouble();
    }

    private IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(
                location + " " + positions.at(key) + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    }
}
