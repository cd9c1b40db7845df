package io.shequ.orchestration.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.shequ.jobs.partition.FreshnessWindows;
import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.pipeline.PipelineJobConfiguration;
import io.shequ.jobs.pipeline.QuarantinePurgeJobConfiguration;
import io.shequ.jobs.publish.WarehousePort;
import io.shequ.jobs.recovery.ProcessOwner;
import io.shequ.jobs.recovery.RunOwners;
import io.shequ.jobs.run.EmbeddedDatabase;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunIds;
import io.shequ.jobs.settings.AdmitSettings;
import io.shequ.jobs.settings.LakeCatalog;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.spark.SparkSessionFactory;
import io.shequ.orchestration.bulletin.BulletinPublication;
import io.shequ.orchestration.config.PseudonymKeys;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.metrics.MeterRegistries;
import io.shequ.orchestration.metrics.RunMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Everything one process needs to run the pipeline: the job repository database, the Spark
 * session, the Spring context holding the job. Opened once, used for any number of runs.
 */
public final class PipelineRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRuntime.class);

    /** How a run ended. */
    public record Outcome(String runId, int exitCode, Path summary) {}

    private final ShequConfig config;
    private final PipelineSettings settings;
    private final HikariDataSource dataSource;
    private final SparkSession spark;
    private final AnnotationConfigApplicationContext context;
    private final MeterRegistry meters;
    private final ProcessOwner self = ProcessOwner.current();
    private final RunOwners owners;

    public PipelineRuntime(ShequConfig config) throws Exception {
        this.config = config;
        this.settings = new PipelineSettings(
                config.home(),
                config.districts(),
                config.sources(),
                config.spark(),
                PseudonymKeys.load(config.pseudonymKey()),
                config.reference(),
                config.lakeCatalog(),
                config.retention());
        new HomeLayout(config.home()).createOwnerOnly();
        this.dataSource = dataSource(config.jobRepository());
        JobRepositorySchema.ensure(dataSource);
        restrictDatabaseFiles();
        this.spark = SparkSessionFactory.create(settings);
        this.context = new AnnotationConfigApplicationContext();
        context.registerBean("jobRepositoryDataSource", DataSource.class, () -> dataSource);
        context.registerBean(
                "transactionManager",
                DataSourceTransactionManager.class,
                () -> new DataSourceTransactionManager(dataSource));
        context.registerBean(PipelineSettings.class, () -> settings);
        context.registerBean(SparkSession.class, () -> spark);
        context.registerBean(AdmitSettings.class, config::admit);
        context.registerBean(
                WarehousePort.class,
                () -> new DuckDbWarehouse(
                        config.home(),
                        config.warehouse().keepSnapshots(),
                        config.warehouse().maxRowDrop(),
                        config.warehouse().readers()));
        context.registerBean(FreshnessWindows.class, config::freshness);
        context.register(PipelineJobConfiguration.class);
        context.register(QuarantinePurgeJobConfiguration.class);
        context.refresh();
        this.meters = MeterRegistries.open(config.metrics());
        this.owners = new RunOwners(dataSource);
    }

    private static HikariDataSource dataSource(ShequConfig.JobRepository repo) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(repo.url());
        hikari.setUsername(repo.user());
        hikari.setPassword(repo.password());
        hikari.setMaximumPoolSize(4);
        hikari.setPoolName("shequ-job-repository");
        return new HikariDataSource(hikari);
    }

    public ShequConfig config() {
        return config;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** One pipeline run, start to end, in this thread. */
    public synchronized Outcome runOnce() throws Exception {
        return runOnce(RunScope.PLAIN);
    }

    /** One run limited to {@code scope} (a backfill, retry or per-source run), or a plain run ({@link RunScope#PLAIN}). */
    public synchronized Outcome runOnce(RunScope scope) throws Exception {
        resumeInterrupted();
        String runId = RunIds.next();
        owners.claim(runId, self);
        if (!scope.isPlain()) {
            scope.recordFor(new HomeLayout(config.home()), runId);
        }
        JobOperator operator = context.getBean(JobOperator.class);
        Job job = context.getBean(PipelineJobConfiguration.JOB_NAME, Job.class);
        JobExecution execution = operator.start(
                job,
                new JobParametersBuilder().addString(RunIds.PARAMETER, runId).toJobParameters());
        Path summary = config.home().resolve("runs").resolve(runId).resolve("summary.json");
        recordMetrics(runId, execution, summary);
        restrictDatabaseFiles();
        return bulletin(new Outcome(runId, ExitCodes.of(execution), summary));
    }

    /**
     * Writes the statistical bulletin when the run published (or kept) the warehouse; a failure to
     * write it is logged as an error and leaves the run's outcome, which the publish decided.
     */
    private Outcome bulletin(Outcome outcome) {
        try {
            BulletinPublication.afterRun(config.home(), outcome.runId(), outcome.summary(), config.districts());
        } catch (Exception e) {
            LOG.error("run {}: the statistical bulletin could not be written", outcome.runId(), e);
        }
        return outcome;
    }

    /** One run of the scheduled job named {@code job} ({@link ShequConfig.Schedule#JOBS}). */
    public Outcome run(String job) throws Exception {
        if (ShequConfig.Schedule.PIPELINE.equals(job)) {
            return runOnce();
        }
        if (!ShequConfig.Schedule.QUARANTINE_PURGE.equals(job)) {
            throw new IllegalArgumentException("no job " + job + "; expected one of " + ShequConfig.Schedule.JOBS);
        }
        String runId = RunIds.next();
        JobExecution execution = context.getBean(JobOperator.class)
                .start(
                        context.getBean(QuarantinePurgeJobConfiguration.JOB_NAME, Job.class),
                        new JobParametersBuilder()
                                .addString(RunIds.PARAMETER, runId)
                                .toJobParameters());
        recordMetrics(runId, execution, null);
        restrictDatabaseFiles();
        return new Outcome(runId, ExitCodes.of(execution), null);
    }

    /**
     * One scheduled pipeline run reading only {@code sources} (ledger names), each whole; the
     * other sources' lake tables keep their snapshots, and the warehouse is republished from the
     * whole lake.
     */
    public Outcome runSources(Set<String> sources) throws Exception {
        return runOnce(RunScope.wholeSources(sources));
    }

    /** The registry holding the run metrics ({@code metrics.registry}), or null when metrics are off. */
    public MeterRegistry meterRegistry() {
        return meters;
    }

    private void recordMetrics(String runId, JobExecution execution, Path summary) {
        if (meters != null) {
            new RunMetrics(meters).record(runId, execution, summary);
        }
    }

    /**
     * Crash recovery at a start: marks the runs left running by a dead process FAILED, and
     * restarts the newest of them from its last committed step if no later run has started
     * since. Returns how the restarted runs ended (none, usually).
     */
    public synchronized List<Outcome> resumeInterrupted() throws Exception {
        return recovery().resumeDead().stream().map(this::bulletin).toList();
    }

    /**
     * {@code shequ restart}: recovers dead runs, then restarts the run named by a run id or job
     * execution id, or without one the newest run if it failed, from its last committed step.
     *
     * @throws RestartRefusedException if there is no such run or it cannot be restarted
     */
    public synchronized Outcome restart(String id) throws Exception {
        return bulletin(recovery().restart(id));
    }

    private RunRecovery recovery() {
        return new RunRecovery(
                config.home(),
                context.getBean(JobRepository.class),
                context.getBean(JobOperator.class),
                context.getBean(PipelineJobConfiguration.JOB_NAME, Job.class),
                owners,
                self);
    }

    @Override
    public void close() {
        MeterRegistries.close(meters);
        context.close();
        spark.stop();
        LakeCatalog catalog = settings.lakeCatalog();
        EmbeddedDatabase.shutdown(catalog.url(), catalog.user(), catalog.password());
        ShequConfig.JobRepository repository = config.jobRepository();
        dataSource.close();
        EmbeddedDatabase.shutdown(repository.url(), repository.user(), repository.password());
        try {
            restrictDatabaseFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("restricting the embedded databases' files", e);
        }
    }

    /** The embedded H2 files of the job repository and the Iceberg catalog, made owner-only once H2 created them. */
    private void restrictDatabaseFiles() throws IOException {
        EmbeddedDatabase.restrictFiles(config.jobRepository().url());
        EmbeddedDatabase.restrictFiles(settings.lakeCatalog().url());
    }
}
