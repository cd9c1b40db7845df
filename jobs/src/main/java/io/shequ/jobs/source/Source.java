package io.shequ.jobs.source;

import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The three kinds of source Shequ reads, each with the name it goes by in the run ledger, the
 * partition ledger, the quarantine and the lake ({@link #id}), its section under
 * {@code sources:} in {@code shequ.yml} ({@link #configKey}), the datasets staging writes for it,
 * the grain of its partitions and how long after a period ends its data is due by default.
 */
public enum Source {

    /** Street offices' hand-typed monthly or quarterly reports (Excel, CSV), one folder per office. */
    STREET_OFFICES(
            "street_office_reports",
            "street-offices",
            List.of("community_reports"),
            "street office × month",
            Period.ofDays(10)),

    /** The grid-management platform's database, read by increments of {@code updated_at}. */
    GRID_SYSTEM(
            "grid_system",
            "grid-system",
            List.of("grid", "event", "event_flow"),
            "day of updated_at",
            Period.ofDays(1)),

    /** Procurement ledgers of services bought from social organisations (Excel, CSV). */
    PROCUREMENT(
            "procurement_ledgers", "procurement", List.of("service_contracts"), "district × year", Period.ofMonths(3));

    private final String id;
    private final String configKey;
    private final List<String> stagedDatasets;
    private final String partitionGrain;
    private final Period defaultDue;

    Source(String id, String configKey, List<String> stagedDatasets, String partitionGrain, Period defaultDue) {
        this.id = id;
        this.configKey = configKey;
        this.stagedDatasets = stagedDatasets;
        this.partitionGrain = partitionGrain;
        this.defaultDue = defaultDue;
    }

    /** The name in the ledgers, the quarantine and the lake: {@code street_office_reports}. */
    public String id() {
        return id;
    }

    /** The section under {@code sources:} in {@code shequ.yml}: {@code street-offices}. */
    public String configKey() {
        return configKey;
    }

    /** The datasets staging writes for it, under {@code staging/<run>/}. */
    public List<String> stagedDatasets() {
        return stagedDatasets;
    }

    /** What one partition of it covers, in words. */
    public String partitionGrain() {
        return partitionGrain;
    }

    /** How long after a period ends its data is due, unless {@code freshness:} says otherwise. */
    public Period defaultDue() {
        return defaultDue;
    }

    /** The source named {@code id} in the ledgers. */
    public static Optional<Source> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** The source of section {@code key} under {@code sources:}. */
    public static Optional<Source> byConfigKey(String key) {
        return Arrays.stream(values()).filter(s -> s.configKey.equals(key)).findFirst();
    }
}
