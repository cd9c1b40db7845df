package io.shequ.orchestration.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shequ.jobs.pipeline.ExitCodes;
import io.shequ.jobs.pipeline.PipelineJobConfiguration;
import io.shequ.jobs.pipeline.RunIds;
import io.shequ.jobs.pipeline.WarehousePort;
import io.shequ.jobs.run.EmbeddedDatabase;
import io.shequ.jobs.settings.LakeCatalog;
import io.shequ.jobs.settings.AdmitSettings;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.orchestration.config.AdmitFolderConfig;
import io.shequ.jobs.spark.SparkSessionFactory;
import io.shequ.orchestration.config.PseudonymKeys;
import io.shequ.orchestration.config.ShequConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Everything one process needs to run the pipeline: the job repository database, the Spark
 * session, the Spring context holding the job. Opened once, used for any number of runs.
 */
public final class PipelineRuntime implements AutoCloseable {

    /** How a run ended. */
    public record Outcome(String runId, int exitCode, Path summary) {
    }

    private final ShequConfig config;
    private final PipelineSettings settings;
    private final HikariDataSource dataSource;
    private final SparkSession spark;
    private final AnnotationConfigApplicationContext context;

    public PipelineRuntime(ShequConfig config) throws Exception {
        this.config = config;
        this.settings = new PipelineSettings(config.home(), config.districts(), config.streetOffices(),
                config.procurement(), config.grid(), config.sparkMaster(), config.shufflePartitions(),
                PseudonymKeys.load(config.pseudonymKey()), config.divisionReference(), config.ruleFolder(),
                config.tolerateUnreadableFiles(), config.lakeCatalog(), config.quarantineKeepDays());
        Files.createDirectories(config.home().resolve("state"));
        this.dataSource = dataSource(config.jobRepository());
        JobRepositorySchema.ensure(dataSource);
        this.spark = SparkSessionFactory.create(settings);
        this.context = new AnnotationConfigApplicationContext();
        context.registerBean("jobRepositoryDataSource", DataSource.class, () -> dataSource);
        context.registerBean("transactionManager", DataSourceTransactionManager.class,
                () -> new DataSourceTransactionManager(dataSource));
        context.registerBean(PipelineSettings.class, () -> settings);
        context.registerBean(SparkSession.class, () -> spark);
        AdmitSettings admit = AdmitFolderConfig.read(config);
        context.registerBean(AdmitSettings.class, () -> admit);
        context.registerBean(WarehousePort.class, () -> new DuckDbWarehouse(config.home(), config.keepSnapshots(), config.maxRowDrop()));
        context.register(PipelineJobConfiguration.class);
        context.refresh();
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
        String runId = RunIds.next();
        JobOperator operator = context.getBean(JobOperator.class);
        Job job = context.getBean(PipelineJobConfiguration.JOB_NAME, Job.class);
        JobExecution execution = operator.start(job, new JobParametersBuilder()
                .addString(RunIds.PARAMETER, runId).toJobParameters());
        return new Outcome(runId, ExitCodes.of(execution), config.home().resolve("runs").resolve(runId).resolve("summary.json"));
    }

    @Override
    public void close() {
        context.close();
        spark.stop();
        LakeCatalog catalog = settings.lakeCatalog();
        EmbeddedDatabase.shutdown(catalog.url(), catalog.user(), catalog.password());
        ShequConfig.JobRepository repository = config.jobRepository();
        dataSource.close();
        EmbeddedDatabase.shutdown(repository.url(), repository.user(), repository.password());
    }
}
