package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shequ.jobs.settings.GridSource;
import io.shequ.jobs.settings.LakeCatalog;
import io.shequ.jobs.settings.ReferenceSettings;
import io.shequ.jobs.settings.Retention;
import io.shequ.jobs.settings.SourceSettings;
import io.shequ.jobs.settings.SparkSettings;
import io.shequ.jobs.spark.SparkSessionFactory;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.warehouse.SnapshotReaders;
import io.shequ.warehouse.WarehouseAudits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * Reads and validates shequ.yml, once per command, into a {@link ShequConfig} of one record per
 * section; every problem is a {@link ConfigException} naming its key.
 */
public final class ConfigReader {

    private static final Set<String> TOP_KEYS = Set.of(
            "home",
            "districts",
            "sources",
            "spark",
            "job-repository",
            "schedules",
            "pseudonymization",
            "warehouse",
            "reference",
            "lake",
            "quarantine",
            "raw",
            "freshness",
            "scheduler",
            "metrics",
            "serve");

    private ConfigReader() {}

    public static ShequConfig read(Path file) {
        Path config = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(config)) {
            throw new ConfigException("(file)", "no configuration file at " + config);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(config.toFile());
        } catch (IOException e) {
            throw new ConfigException(
                    "(file)",
                    "valid YAML in " + config + " ("
                            + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("(file)", "a YAML mapping in " + config);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_KEYS.contains(key)) {
                throw new ConfigException(key, "unknown key; expected one of " + TOP_KEYS);
            }
        }
        Path base = config.getParent();
        Path home = path(base, text(root, "home", true));
        JsonNode sources = root.path("sources");
        JsonNode grid = sources.path("grid-system");
        JsonNode spark = root.path("spark");
        JsonNode repo = root.path("job-repository");
        ShequConfig.JobRepository jobRepository = jobRepository(repo, home, base);
        JsonNode warehouse = root.path("warehouse");
        return new ShequConfig(
                config,
                home,
                districts(root),
                new SourceSettings(
                        optionalPath(base, sources, "street-offices", "sources.street-offices"),
                        optionalPath(base, sources, "procurement", "sources.procurement"),
                        grid.isMissingNode() ? null : gridSource(base, grid),
                        bool(sources, "tolerate-unreadable-files", "sources.tolerate-unreadable-files", false)),
                new SparkSettings(
                        sparkMaster(spark),
                        positiveInt(spark, "shuffle-partitions", "spark.shuffle-partitions", 4),
                        sparkConf(spark.path("conf"))),
                jobRepository,
                schedules(root.path("schedules"), sources),
                SchedulerSettings.of(section(root, "scheduler"), jobRepository, base),
                MetricsSettings.of(section(root, "metrics")),
                keySource(base, root.path("pseudonymization")),
                new ReferenceSettings(
                        optionalPath(base, root.path("reference"), "nbs-divisions", "reference.nbs-divisions"),
                        optionalPath(base, root.path("reference"), "dq-rules", "reference.dq-rules")),
                lakeCatalog(root.path("lake"), base),
                retention(root),
                AdmitFolderConfig.of(root.path("quarantine"), home, base),
                new ShequConfig.Warehouse(
                        positiveInt(warehouse, "keep-snapshots", "warehouse.keep-snapshots", 5),
                        fraction(
                                warehouse,
                                "max-row-drop",
                                "warehouse.max-row-drop",
                                WarehouseAudits.DEFAULT_MAX_ROW_DROP),
                        snapshotReaders(warehouse)),
                FreshnessConfig.of(root.get("freshness")));
    }

    /** The top-level section {@code key}: a mapping, or a missing node when absent or empty. */
    static JsonNode section(JsonNode root, String key) {
        JsonNode block = root.path(key);
        if (!block.isMissingNode() && !block.isNull() && !block.isObject()) {
            throw new ConfigException(key, "a mapping of keys, got '" + block.asText() + "'");
        }
        return block.isNull() ? MissingNode.getInstance() : block;
    }

    /**
     * {@code spark.master}; without it the master {@code spark-submit} passes (the system property
     * {@code spark.master}), else {@code local[*]}.
     */
    private static String sparkMaster(JsonNode spark) {
        if (spark.hasNonNull("master") && !spark.get("master").asText().isBlank()) {
            return spark.get("master").asText().strip();
        }
        return System.getProperty("spark.master", "local[*]");
    }

    /**
     * {@code spark.conf}: further Spark settings, each key a {@code spark.*} name, each value a
     * scalar, passed on as written. The master and the lake's catalog have keys of their own.
     */
    static Map<String, String> sparkConf(JsonNode conf) {
        if (conf.isMissingNode() || conf.isNull()) {
            return Map.of();
        }
        if (!conf.isObject()) {
            throw new ConfigException("spark.conf", "a mapping of Spark settings, e.g. spark.executor.memory: 4g");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = conf.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String where = "spark.conf." + key;
            if (!key.startsWith("spark.")) {
                throw new ConfigException(where, "a Spark setting, whose name starts with spark.");
            }
            if (key.equals("spark.master")) {
                throw new ConfigException(where, "spark.master (the key of its own)");
            }
            if (key.startsWith("spark.sql.catalog." + SparkSessionFactory.CATALOG)) {
                throw new ConfigException(where, "lake.catalog-url and its keys: the lake's catalog is set there");
            }
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                throw new ConfigException(where, "a single value (text, number or true/false)");
            }
            settings.put(key, entry.getValue().asText());
        }
        return settings;
    }

    /** {@code warehouse.readers-group}: a group of this host that may read the published snapshots. */
    private static SnapshotReaders snapshotReaders(JsonNode warehouse) {
        if (!warehouse.hasNonNull("readers-group")) {
            return SnapshotReaders.OWNER_ONLY;
        }
        String name = warehouse.get("readers-group").asText().strip();
        try {
            return SnapshotReaders.group(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "warehouse.readers-group",
                    "the name of a group of this host (see `getent group`), but " + e.getMessage());
        }
    }

    /**
     * {@code raw.keep-days} for every raw zone; {@code quarantine.keep-days}, the older key, still
     * sets the quarantine's own period (kept as an override, not deprecated: the quarantine waits
     * for corrections and may need longer, or shorter, than the rest).
     */
    private static Retention retention(JsonNode root) {
        int raw = positiveInt(root.path("raw"), "keep-days", "raw.keep-days", Retention.DEFAULT_KEEP_DAYS);
        return new Retention(raw, positiveInt(root.path("quarantine"), "keep-days", "quarantine.keep-days", raw));
    }

    /** The configured job repository database, or the embedded H2 file under the home. */
    private static ShequConfig.JobRepository jobRepository(JsonNode repo, Path home, Path base) {
        if (!repo.hasNonNull("url")) {
            return ShequConfig.JobRepository.embedded(home);
        }
        return new ShequConfig.JobRepository(
                repo.get("url").asText(),
                repo.path("user").asText("sa"),
                password(
                        repo,
                        "password",
                        "job-repository.",
                        base,
                        repo.path("password").asText("")));
    }

    /**
     * A password from the environment variable named in {@code <field>-env} or the file named in
     * {@code <field>-file} (relative to the configuration's folder; its content, stripped), else {@code fallback}.
     */
    static String password(JsonNode node, String field, String prefix, Path base, String fallback) {
        if (node.hasNonNull(field + "-env") && node.hasNonNull(field + "-file")) {
            throw new ConfigException(
                    prefix + field + "-file",
                    "either " + prefix + field + "-env or " + prefix + field + "-file, not both");
        }
        if (node.hasNonNull(field + "-env")) {
            return env(node.get(field + "-env").asText(), prefix + field + "-env");
        }
        if (node.hasNonNull(field + "-file")) {
            return readSecret(
                    base.resolve(node.get(field + "-file").asText())
                            .toAbsolutePath()
                            .normalize(),
                    prefix + field + "-file");
        }
        return fallback;
    }

    /** The lake's Iceberg catalog database, or null for the embedded H2 file under the home. */
    private static LakeCatalog lakeCatalog(JsonNode lake, Path base) {
        if (!lake.hasNonNull("catalog-url")) {
            for (String field : new String[] {"catalog-user", "catalog-password-env", "catalog-password-file"}) {
                if (lake.hasNonNull(field)) {
                    throw new ConfigException(
                            "lake." + field, "lake.catalog-url as well (without it the embedded H2 catalog is used)");
                }
            }
            return null;
        }
        String url = lake.get("catalog-url").asText();
        if (!url.startsWith("jdbc:")) {
            throw new ConfigException("lake.catalog-url", "a JDBC URL starting with jdbc:, got '" + url + "'");
        }
        String password = password(lake, "catalog-password", "lake.", base, "");
        return new LakeCatalog(url, lake.path("catalog-user").asText(""), password);
    }

    private static List<DivisionCode> districts(JsonNode root) {
        JsonNode node = root.get("districts");
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new ConfigException("districts", "a list of 6-digit NBS district codes, e.g. [\"370103\"]");
        }
        List<DivisionCode> codes = new ArrayList<>();
        for (JsonNode d : node) {
            String text = d.asText();
            if (text.length() != 6
                    || !DivisionCode.isValid(text)
                    || DivisionCode.parse(text).level() != DivisionLevel.DISTRICT) {
                throw new ConfigException("districts", "6-digit NBS district codes, got '" + text + "'");
            }
            codes.add(DivisionCode.parse(text));
        }
        return codes;
    }

    private static GridSource gridSource(Path base, JsonNode grid) {
        String url = text(grid, "url", true, "sources.grid-system.url");
        if (!url.startsWith("jdbc:")) {
            throw new ConfigException("sources.grid-system.url", "a JDBC URL starting with jdbc:, got '" + url + "'");
        }
        String password = grid.hasNonNull("password-env")
                ? env(grid.get("password-env").asText(), "sources.grid-system.password-env")
                : grid.hasNonNull("password-file")
                        ? readSecret(
                                path(base, grid.get("password-file").asText()), "sources.grid-system.password-file")
                        : grid.path("password").asText("");
        int overlapMinutes = (int) GridSource.DEFAULT_OVERLAP.toMinutes();
        if (grid.hasNonNull("overlap-minutes")) {
            JsonNode n = grid.get("overlap-minutes");
            if (!n.canConvertToInt() || n.asInt() < 0) {
                throw new ConfigException(
                        "sources.grid-system.overlap-minutes",
                        "a whole number of minutes, 0 or more, got '" + n.asText() + "'");
            }
            overlapMinutes = n.asInt();
        }
        return new GridSource(url, grid.path("user").asText(""), password, Duration.ofMinutes(overlapMinutes));
    }

    private static List<ShequConfig.Schedule> schedules(JsonNode node, JsonNode sources) {
        List<ShequConfig.Schedule> schedules = new ArrayList<>();
        int i = 0;
        for (JsonNode s : node) {
            String key = "schedules[" + i++ + "]";
            String cron = text(s, "cron", true, key + ".cron");
            if (!CronExpression.isValidExpression(cron)) {
                throw new ConfigException(
                        key + ".cron",
                        "a Quartz cron expression (seconds minutes hours day month weekday), got '" + cron + "'");
            }
            String job = s.path("job").asText(ShequConfig.Schedule.PIPELINE);
            if (!ShequConfig.Schedule.JOBS.contains(job)) {
                throw new ConfigException(key + ".job", "one of " + ShequConfig.Schedule.JOBS + ", got '" + job + "'");
            }
            String name = s.path("name").asText("schedule-" + i);
            schedules.add(new ShequConfig.Schedule(
                    name, cron, job, ScheduleSources.read(s.path("sources"), key + ".sources", name, job, sources)));
        }
        return schedules;
    }

    private static ShequConfig.KeySource keySource(Path base, JsonNode node) {
        String env = node.hasNonNull("key-env") ? node.get("key-env").asText() : null;
        Path file =
                node.hasNonNull("key-file") ? path(base, node.get("key-file").asText()) : null;
        if (env == null && file == null) {
            throw new ConfigException(
                    "pseudonymization",
                    "key-env (an environment variable) or key-file (a file outside "
                            + "the repository, owner-only) holding the HMAC key for personal identifiers");
        }
        return new ShequConfig.KeySource(env, file);
    }

    static String env(String name, String key) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(key, "environment variable " + name + " to be set");
        }
        return value;
    }

    /**
     * The text of a key or password file, refused (as ssh refuses such a key) when its group or
     * others have any access to it.
     */
    static String readSecret(Path file, String key) {
        try {
            SecretFile.requireOwnerOnly(file, key);
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new ConfigException(key, "a readable file at " + file);
        }
    }

    private static Path optionalPath(Path base, JsonNode parent, String field, String key) {
        if (!parent.hasNonNull(field)) {
            return null;
        }
        Path p = path(base, parent.get(field).asText());
        if (!Files.isDirectory(p)) {
            throw new ConfigException(key, "an existing folder, but " + p + " is not one");
        }
        return p;
    }

    private static boolean bool(JsonNode parent, String field, String key, boolean fallback) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new ConfigException(key, "true or false, got '" + node.asText() + "'");
        }
        return node.booleanValue();
    }

    private static double fraction(JsonNode parent, String field, String key, double fallback) {
        if (!parent.hasNonNull(field)) {
            return fallback;
        }
        JsonNode n = parent.get(field);
        if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
            throw new ConfigException(key, "a fraction from 0 to 1 (0.5 = half), got '" + n.asText() + "'");
        }
        return n.asDouble();
    }

    private static int positiveInt(JsonNode parent, String field, String key, int fallback) {
        if (!parent.hasNonNull(field)) {
            return fallback;
        }
        JsonNode n = parent.get(field);
        if (!n.canConvertToInt() || n.asInt() < 1) {
            throw new ConfigException(key, "a positive whole number, got '" + n.asText() + "'");
        }
        return n.asInt();
    }

    private static String text(JsonNode parent, String field, boolean required) {
        return text(parent, field, required, field);
    }

    private static String text(JsonNode parent, String field, boolean required, String key) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            if (required) {
                throw new ConfigException(key, "a value (it is missing)");
            }
            return null;
        }
        return n.asText();
    }

    private static Path path(Path base, String text) {
        return base.resolve(text).toAbsolutePath().normalize();
    }
}
