package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.source.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a schedule's optional {@code sources} list: the sources its fires read, by their
 * configuration names ({@code street-offices}, {@code grid-system}, {@code procurement}) or
 * their ledger names, turned into ledger names. A name that is unknown, or names a source the
 * configuration does not read, is an error naming the schedule and the key: a per-source fire
 * that silently read nothing would look like a source that stopped delivering.
 */
final class ScheduleSources {

    /** Configuration key under {@code sources} → ledger name. */
    private static final Map<String, String> CONFIG_KEYS = new LinkedHashMap<>();

    static {
        for (Source source : Source.values()) {
            CONFIG_KEYS.put(source.configKey(), source.id());
        }
    }

    private ScheduleSources() {}

    /**
     * @param node       the schedule's {@code sources} value (missing: every configured source)
     * @param key        its key for messages, e.g. {@code schedules[1].sources}
     * @param schedule   the schedule's name, for messages
     * @param job        the schedule's job: only the pipeline reads sources
     * @param configured the configuration's {@code sources} block
     * @return ledger names in the order given, without repeats; empty for every configured source
     */
    static List<String> read(JsonNode node, String key, String schedule, String job, JsonNode configured) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        String where = " (schedule '" + schedule + "')";
        if (!ShequConfig.Schedule.PIPELINE.equals(job)) {
            throw new ConfigException(key, "no sources for job '" + job + "': only the pipeline reads sources" + where);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new ConfigException(key, "a non-empty list of sources, e.g. [street-offices, grid-system]" + where);
        }
        List<String> sources = new ArrayList<>();
        for (JsonNode n : node) {
            String name = n.asText();
            String configKey = configKeyOf(name);
            if (configKey == null) {
                throw new ConfigException(
                        key, "sources among " + CONFIG_KEYS.keySet() + ", got '" + name + "'" + where);
            }
            if (!configured.hasNonNull(configKey)) {
                throw new ConfigException(
                        key,
                        "sources the configuration reads, but sources." + configKey + " is not set, got '" + name + "'"
                                + where);
            }
            String ledgerName = CONFIG_KEYS.get(configKey);
            if (!sources.contains(ledgerName)) {
                sources.add(ledgerName);
            }
        }
        return sources;
    }

    /** The configuration key of a source given by its configuration or ledger name; null if neither. */
    private static String configKeyOf(String name) {
        if (CONFIG_KEYS.containsKey(name)) {
            return name;
        }
        return CONFIG_KEYS.entrySet().stream()
                .filter(e -> e.getValue().equals(name))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }
}
