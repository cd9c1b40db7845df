package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Where Quartz keeps its triggers and whether it runs clustered. By default the store is the
 * job-repository database; production points several {@code shequ schedule} nodes at one
 * PostgreSQL store with {@code clustered: true}, and Quartz's row locks then let exactly one node
 * fire each trigger, while the others take over a node that stops checking in.
 *
 * @param checkinIntervalMillis how often a clustered node records that it is alive; a node silent
 *                              for longer than this (plus a little) is presumed dead and its
 *                              acquired triggers are released to the others
 */
public record SchedulerSettings(
        String storeUrl,
        String storeUser,
        String storePassword,
        boolean clustered,
        long checkinIntervalMillis,
        int threads) {

    /** Quartz's own default: frequent enough to take over within seconds, rare enough to cost nothing. */
    public static final long DEFAULT_CHECKIN_MILLIS = 7_500;

    public boolean onPostgres() {
        return storeUrl.startsWith("jdbc:postgresql");
    }

    @Override
    public String toString() {
        return "SchedulerSettings[storeUrl=" + storeUrl + ", storeUser=" + storeUser + ", storePassword=***, clustered="
                + clustered + ", checkinIntervalMillis=" + checkinIntervalMillis + ", threads=" + threads + "]";
    }

    /**
     * The {@code scheduler} section; what it leaves out comes from the job repository {@code repo}.
     * Secret files are relative to {@code base}, the configuration file's folder.
     */
    static SchedulerSettings of(JsonNode node, ShequConfig.JobRepository repo, Path base) {
        for (String field : new String[] {"store-user", "store-password-env", "store-password-file"}) {
            if (node.hasNonNull(field) && !node.hasNonNull("store-url")) {
                throw new ConfigException(
                        "scheduler." + field,
                        "scheduler.store-url as well (without it the job repository is the store)");
            }
        }
        String url = node.hasNonNull("store-url") ? node.get("store-url").asText() : repo.url();
        if (!url.startsWith("jdbc:")) {
            throw new ConfigException("scheduler.store-url", "a JDBC URL starting with jdbc:, got '" + url + "'");
        }
        String user = node.hasNonNull("store-url") ? node.path("store-user").asText("") : repo.user();
        String password = ConfigReader.password(
                node, "store-password", "scheduler.", base, node.hasNonNull("store-url") ? "" : repo.password());
        boolean postgres = url.startsWith("jdbc:postgresql");
        JsonNode clustered = node.path("clustered");
        if (!clustered.isMissingNode() && !clustered.isNull() && !clustered.isBoolean()) {
            throw new ConfigException("scheduler.clustered", "true or false, got '" + clustered.asText() + "'");
        }
        long checkin = DEFAULT_CHECKIN_MILLIS;
        if (node.hasNonNull("checkin-interval-ms")) {
            JsonNode n = node.get("checkin-interval-ms");
            if (!n.canConvertToLong() || n.asLong() < 1000) {
                throw new ConfigException(
                        "scheduler.checkin-interval-ms",
                        "a whole number of milliseconds, at least 1000, got '" + n.asText() + "'");
            }
            checkin = n.asLong();
        }
        int threads = 2;
        if (node.hasNonNull("threads")) {
            JsonNode n = node.get("threads");
            if (!n.canConvertToInt() || n.asInt() < 1) {
                throw new ConfigException("scheduler.threads", "a positive whole number, got '" + n.asText() + "'");
            }
            threads = n.asInt();
        }
        return new SchedulerSettings(
                url, user, password, clustered.isBoolean() ? clustered.booleanValue() : postgres, checkin, threads);
    }
}
