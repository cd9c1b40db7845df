package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.partition.FreshnessWindows;
import io.shequ.jobs.source.Source;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the {@code freshness} section of shequ.yml: per source ({@code street-offices},
 * {@code grid-system}, {@code procurement}) {@code due} (ISO-8601 period after the period's end,
 * e.g. P10D), {@code from} and {@code to} (the first and last expected period: a date, a month
 * 2024-01 or a year 2024), {@code history-to} (the last period of a history loaded in bulk, never
 * late). A bad value is a {@link ConfigException} naming the key.
 */
final class FreshnessConfig {

    /** Configuration key → ledger name, for every source. */
    private static final Map<String, String> SOURCES = Arrays.stream(Source.values())
            .collect(Collectors.toMap(Source::configKey, Source::id, (a, b) -> a, LinkedHashMap::new));

    private FreshnessConfig() {}

    /** The {@code freshness} section, or the defaults when {@code section} is null. */
    static FreshnessWindows of(JsonNode section) {
        Map<String, FreshnessWindows.Window> windows =
                new LinkedHashMap<>(FreshnessWindows.defaults().windows());
        if (section == null || section.isNull()) {
            return new FreshnessWindows(windows);
        }
        section.fieldNames().forEachRemaining(key -> {
            if (!SOURCES.containsKey(key)) {
                throw new ConfigException("freshness." + key, "one of " + SOURCES.keySet());
            }
        });
        SOURCES.forEach((key, source) -> {
            JsonNode node = section.path(key);
            if (node.isMissingNode()) {
                return;
            }
            String prefix = "freshness." + key + ".";
            Period due = windows.get(source).due();
            if (node.hasNonNull("due")) {
                try {
                    due = Period.parse(node.get("due").asText());
                } catch (DateTimeParseException e) {
                    throw new ConfigException(
                            prefix + "due",
                            "an ISO-8601 period such as P10D or P3M, got '"
                                    + node.get("due").asText() + "'");
                }
            }
            windows.put(
                    source,
                    new FreshnessWindows.Window(
                            due,
                            date(node, "from", prefix, false),
                            date(node, "to", prefix, true),
                            date(node, "history-to", prefix, true)));
        });
        return new FreshnessWindows(windows);
    }

    /** A date, a month (its first or last day) or a year (its first or last day). */
    static LocalDate date(JsonNode node, String field, String prefix, boolean end) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        String text = node.get(field).asText().strip();
        try {
            if (text.matches("\\d{4}")) {
                int year = Integer.parseInt(text);
                return end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(text);
                return end ? month.atEndOfMonth() : month.atDay(1);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(
                    prefix + field, "a date 2024-03-31, a month 2024-03 or a year 2024, got '" + text + "'");
        }
    }
}
