package io.shequ.orchestration.config;

import io.shequ.jobs.partition.FreshnessWindows;
import io.shequ.jobs.run.EmbeddedH2;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.AdmitSettings;
import io.shequ.jobs.settings.LakeCatalog;
import io.shequ.jobs.settings.ReferenceSettings;
import io.shequ.jobs.settings.Retention;
import io.shequ.jobs.settings.SourceSettings;
import io.shequ.jobs.settings.SparkSettings;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.warehouse.SnapshotReaders;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, typed, one record per section of shequ.yml. {@link ConfigReader} reads
 * the file once per command into it; each command takes the sections it needs. Relative paths in
 * the file are relative to the file's folder.
 *
 * @param scheduler the {@code scheduler} section, its store defaulting to the job repository
 * @param lakeCatalog the {@code lake} section: the Iceberg catalog's database, or null for the embedded H2 file
 * @param retention {@code raw.keep-days} and {@code quarantine.keep-days}
 * @param admit {@code quarantine.admit-folder}
 */
public record ShequConfig(
        Path file,
        Path home,
        List<DivisionCode> districts,
        SourceSettings sources,
        SparkSettings spark,
        JobRepository jobRepository,
        List<Schedule> schedules,
        SchedulerSettings scheduler,
        MetricsSettings metrics,
        KeySource pseudonymKey,
        ReferenceSettings reference,
        LakeCatalog lakeCatalog,
        Retention retention,
        AdmitSettings admit,
        Warehouse warehouse,
        FreshnessWindows freshness) {

    public ShequConfig {
        districts = List.copyOf(districts);
        schedules = List.copyOf(schedules);
    }

    /** The same configuration with other schedules. */
    public ShequConfig withSchedules(List<Schedule> other) {
        return new ShequConfig(
                file,
                home,
                districts,
                sources,
                spark,
                jobRepository,
                other,
                scheduler,
                metrics,
                pseudonymKey,
                reference,
                lakeCatalog,
                retention,
                admit,
                warehouse,
                freshness);
    }

    /** The same configuration run on another Spark master, with {@code extraConf} over the configured {@code spark.*} settings. */
    public ShequConfig withSpark(String master, Map<String, String> extraConf) {
        Map<String, String> conf = new LinkedHashMap<>(spark.conf());
        conf.putAll(extraConf);
        return new ShequConfig(
                file,
                home,
                districts,
                sources,
                new SparkSettings(master, spark.shufflePartitions(), conf),
                jobRepository,
                schedules,
                scheduler,
                metrics,
                pseudonymKey,
                reference,
                lakeCatalog,
                retention,
                admit,
                warehouse,
                freshness);
    }

    /**
     * The {@code warehouse} section.
     *
     * @param keepSnapshots how many published snapshots are kept
     * @param maxRowDrop the fraction of a table's rows a publish may lose before the audit blocks it
     * @param readers who besides the owner may read the snapshots
     */
    public record Warehouse(int keepSnapshots, double maxRowDrop, SnapshotReaders readers) {}

    /** The database holding Spring Batch's job repository, the landing manifest and Quartz's store. */
    public record JobRepository(String url, String user, String password) {

        /**
         * The embedded default: the H2 file {@code <home>/state/jobs}, loopback-only AUTO_SERVER, user sa
         * with the home's generated password ({@link EmbeddedH2}). WRITE_DELAY=0 narrows, but does not
         * close, H2's window for losing a killed process's last commits (CrashRecoveryIT saw it); steps
         * are idempotent, and production uses PostgreSQL.
         */
        public static JobRepository embedded(Path home) {
            HomeLayout layout = new HomeLayout(home);
            String url = EmbeddedH2.url(layout.jobRepository(), ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
            String password = EmbeddedH2.password(layout);
            EmbeddedH2.requirePassword(url, layout.jobRepository(), password);
            return new JobRepository(url, EmbeddedH2.USER, password);
        }

        @Override
        public String toString() {
            return "JobRepository[url=" + url + ", user=" + user + ", password=***]";
        }
    }

    /**
     * A named cron schedule (Quartz syntax, seconds first) that fires a run of one job: the
     * pipeline, or the quarantine purge.
     *
     * @param sources for the pipeline, the sources a fire reads (ledger names, e.g.
     *                {@code street_office_reports}), each whole; empty: every configured source
     */
    public record Schedule(String name, String cron, String job, List<String> sources) {

        public Schedule {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        /** A schedule of {@code job} over every configured source. */
        public Schedule(String name, String cron, String job) {
            this(name, cron, job, List.of());
        }

        /** The whole pipeline: extract, stage, check, conform, lake, publish, indicators. */
        public static final String PIPELINE = "pipeline";
        /** Deleting past runs' raw zones (landed grid tables, staging, work, quarantine) older than their period. */
        public static final String QUARANTINE_PURGE = "quarantine-purge";

        public static final List<String> JOBS = List.of(PIPELINE, QUARANTINE_PURGE);

        /** A schedule of the pipeline. */
        public Schedule(String name, String cron) {
            this(name, cron, PIPELINE);
        }
    }

    /** Where the pseudonymization key comes from: an environment variable or a file outside the repo. */
    public record KeySource(String env, Path file) {}
}
