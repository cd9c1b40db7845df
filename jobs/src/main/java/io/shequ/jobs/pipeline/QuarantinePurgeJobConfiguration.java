package io.shequ.jobs.pipeline;

import io.shequ.jobs.recovery.UnfinishedRuns;
import io.shequ.jobs.retention.RawZonePurge;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunIds;
import io.shequ.jobs.settings.PipelineSettings;
import java.time.Clock;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A second, small job beside the pipeline: deletes past runs' raw zones once older than their
 * period ({@link RawZonePurge}: landed grid tables, staging and work after {@code raw.keep-days},
 * quarantine after {@code quarantine.keep-days}). The pipeline purges at the start of each run too;
 * this job lets a schedule purge on days without runs, so raw personal data never outlives its
 * period because the sources went quiet. It may run beside the pipeline: a running pipeline run is
 * unfinished, so its folders are kept. Registered next to {@link PipelineJobConfiguration}, whose
 * {@code @EnableBatchProcessing} it shares.
 */
@Configuration
public class QuarantinePurgeJobConfiguration {

    public static final String JOB_NAME = "shequQuarantinePurge";

    @Bean
    public Job shequQuarantinePurge(
            JobRepository repository, PlatformTransactionManager transactions, PipelineSettings settings) {
        return new JobBuilder(JOB_NAME, repository)
                .start(new StepBuilder("purge", repository)
                        .tasklet(
                                (contribution, chunk) -> {
                                    String runId = RunIds.of(chunk);
                                    RawZonePurge.Result purged = new RawZonePurge(
                                                    new HomeLayout(settings.home()),
                                                    settings.retention(),
                                                    Clock.systemUTC())
                                            .purge(
                                                    runId,
                                                    new UnfinishedRuns(repository, PipelineJobConfiguration.JOB_NAME)
                                                            .runIds());
                                    contribution.incrementWriteCount(
                                            purged.landingTables().files()
                                                    + purged.staging().files()
                                                    + purged.work().files()
                                                    + purged.quarantine().files());
                                    return RepeatStatus.FINISHED;
                                },
                                transactions)
                        .build())
                .build();
    }
}
