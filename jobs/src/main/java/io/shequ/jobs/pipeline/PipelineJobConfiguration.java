package io.shequ.jobs.pipeline;

import io.shequ.jobs.check.DataQualityOutcomes;
import io.shequ.jobs.check.history.MetricHistory;
import io.shequ.jobs.extract.GridWatermarks;
import io.shequ.jobs.extract.LandingManifest;
import io.shequ.jobs.partition.FreshnessWindows;
import io.shequ.jobs.partition.PartitionLedger;
import io.shequ.jobs.partition.ProcessedPartitions;
import io.shequ.jobs.pipeline.steps.CheckStep;
import io.shequ.jobs.pipeline.steps.ConformStep;
import io.shequ.jobs.pipeline.steps.ExtractStep;
import io.shequ.jobs.pipeline.steps.IndicatorsStep;
import io.shequ.jobs.pipeline.steps.LakeStep;
import io.shequ.jobs.pipeline.steps.PublishStep;
import io.shequ.jobs.pipeline.steps.StageStep;
import io.shequ.jobs.publish.WarehousePort;
import io.shequ.jobs.recovery.UnfinishedRuns;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.AdmitSettings;
import io.shequ.jobs.settings.PipelineSettings;
import javax.sql.DataSource;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Shequ pipeline: one Spring Batch job, seven steps, each real. The caller supplies the
 * beans {@code jobRepositoryDataSource}, {@code transactionManager}, {@link PipelineSettings},
 * {@link SparkSession} and {@link WarehousePort}.
 */
@Configuration
@EnableBatchProcessing
@EnableJdbcJobRepository(dataSourceRef = "jobRepositoryDataSource", transactionManagerRef = "transactionManager")
public class PipelineJobConfiguration {

    public static final String JOB_NAME = "shequPipeline";

    @Bean
    public LandingManifest landingManifest(@Qualifier("jobRepositoryDataSource") DataSource dataSource) {
        return new LandingManifest(dataSource);
    }

    @Bean
    public GridWatermarks gridWatermarks(@Qualifier("jobRepositoryDataSource") DataSource dataSource) {
        return new GridWatermarks(dataSource);
    }

    @Bean
    public DataQualityOutcomes dataQualityOutcomes(@Qualifier("jobRepositoryDataSource") DataSource dataSource) {
        return new DataQualityOutcomes(dataSource);
    }

    @Bean
    public MetricHistory metricHistory(@Qualifier("jobRepositoryDataSource") DataSource dataSource) {
        return new MetricHistory(dataSource);
    }

    @Bean
    public PartitionLedger partitionLedger(@Qualifier("jobRepositoryDataSource") DataSource dataSource) {
        return new PartitionLedger(dataSource);
    }

    @Bean
    public Job shequPipeline(
            JobRepository repository,
            PlatformTransactionManager transactions,
            PipelineSettings settings,
            SparkSession spark,
            LandingManifest manifest,
            GridWatermarks watermarks,
            WarehousePort warehouse,
            DataQualityOutcomes dqOutcomes,
            MetricHistory metricHistory,
            PartitionLedger partitions,
            ObjectProvider<FreshnessWindows> freshness,
            ObjectProvider<AdmitSettings> admit) {
        FreshnessWindows windows = freshness.getIfAvailable(FreshnessWindows::defaults);
        ProcessedPartitions processed = new ProcessedPartitions(settings, spark);
        AdmitSettings admitFolder = admit.getIfAvailable(() -> AdmitSettings.defaultFor(settings.home()));
        return new JobBuilder(JOB_NAME, repository)
                .listener(new RunSummaryWriter(new HomeLayout(settings.home())))
                // after the summary writer, so its afterJob runs first and the summary lists late and missing
                // partitions
                .listener(new PartitionLedgerListener(settings, processed, partitions, windows))
                .start(step(
                        "extract",
                        new ExtractStep(
                                settings,
                                spark,
                                manifest,
                                watermarks,
                                new UnfinishedRuns(repository, JOB_NAME),
                                admitFolder),
                        repository,
                        transactions))
                .next(step("stage", new StageStep(settings, spark, manifest, admitFolder), repository, transactions))
                .next(step(
                        "check",
                        new CheckStep(settings, spark, manifest, dqOutcomes, metricHistory),
                        repository,
                        transactions))
                .next(step("conform", new ConformStep(settings, spark), repository, transactions))
                .next(step(
                        "lake",
                        new LakeStep(settings, spark, watermarks, dqOutcomes, metricHistory),
                        repository,
                        transactions))
                .next(step(
                        "publish",
                        new PublishStep(settings, warehouse, processed, partitions, windows),
                        repository,
                        transactions))
                .next(step("indicators", new IndicatorsStep(settings, warehouse), repository, transactions))
                .build();
    }

    private static Step step(String name, Tasklet tasklet, JobRepository repository, PlatformTransactionManager tx) {
        return new StepBuilder(name, repository).tasklet(tasklet, tx).build();
    }
}
