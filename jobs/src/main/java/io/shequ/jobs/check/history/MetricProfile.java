package io.shequ.jobs.check.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which metrics each dataset records every run, from {@code dq/metrics.yml}: always the row
 * count and every column's completeness, plus the distinct counts of its key columns and the sums
 * of its amount columns named there. Anomaly rules may ask for more; they are added.
 */
public final class MetricProfile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, List<String>> distinct;
    private final Map<String, List<String>> sum;

    private MetricProfile(Map<String, List<String>> distinct, Map<String, List<String>> sum) {
        this.distinct = distinct;
        this.sum = sum;
    }

    static MetricProfile load(RuleFileSource files) {
        Map<String, List<String>> distinct = new TreeMap<>();
        Map<String, List<String>> sum = new TreeMap<>();
        files.find("metrics.yml").ifPresent(file -> {
            JsonNode root;
            try {
                root = YAML.readTree(file.text());
            } catch (JacksonException e) {
                throw new IllegalArgumentException(file.location() + ": not valid YAML: " + e.getOriginalMessage(), e);
            }
            if (root == null || root.isMissingNode() || root.isNull()) {
                return;
            }
            if (!root.isObject()) {
                throw new IllegalArgumentException(
                        file.location() + ": expected a mapping of dataset → {distinct, sum}");
            }
            root.fields().forEachRemaining(e -> {
                String dataset = e.getKey();
                distinct.put(dataset, names(file.location(), dataset, e.getValue(), "distinct"));
                sum.put(dataset, names(file.location(), dataset, e.getValue(), "sum"));
            });
        });
        return new MetricProfile(distinct, sum);
    }

    private static List<String> names(String location, String dataset, JsonNode node, String key) {
        JsonNode list = node.path(key);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(
                    location + ": " + dataset + "." + key + ": expected a list of column names");
        }
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** Whether {@code metrics.yml} names the dataset (a lake table is measured only then, or when rules watch it). */
    boolean profiles(String dataset) {
        return distinct.containsKey(dataset) || sum.containsKey(dataset);
    }

    /** The metrics to compute on a dataset with these columns: profile metrics on columns it has, and the rules' own. */
    Set<MetricKey> metricsFor(String dataset, List<String> columns, List<AnomalyRule> rules) {
        Set<MetricKey> keys = new LinkedHashSet<>();
        keys.add(new MetricKey(dataset, MetricName.ROW_COUNT.written(), DatasetMetric.WHOLE_DATASET));
        columns.forEach(c -> keys.add(new MetricKey(dataset, MetricName.COMPLETENESS.written(), c)));
        distinct.getOrDefault(dataset, List.of()).stream()
                .filter(columns::contains)
                .forEach(c -> keys.add(new MetricKey(dataset, MetricName.DISTINCT.written(), c)));
        sum.getOrDefault(dataset, List.of()).stream()
                .filter(columns::contains)
                .forEach(c -> keys.add(new MetricKey(dataset, MetricName.SUM.written(), c)));
        rules.forEach(r -> keys.add(r.metricKey()));
        return keys;
    }
}
