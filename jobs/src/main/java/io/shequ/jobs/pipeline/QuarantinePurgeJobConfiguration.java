package io.shequ.jobs.pipeline;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.stage.QuarantinePurge;
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
 * A second, small job beside the pipeline: deletes past runs' quarantine once older than
 * {@code quarantine.keep-days}. The pipeline purges at the start of each run too; this job lets a
 * schedule purge on days without runs, so raw personal data never outlives its period because
 * the sources went quiet. Registered next to {@link PipelineJobConfiguration}, whose
 * {@code @EnableBatchProcessing} it shares.
 */
@Configuration
public class QuarantinePurgeJobConfiguration {

    public static final String JOB_NAME = "shequQuarantinePurge";

    @Bean
    public Job shequQuarantinePurge(JobRepository repository, PlatformTransactionManager transactions,
                                    PipelineSettings settings) {
        return new JobBuilder(JOB_NAME, repository)
                .start(new StepBuilder("purge", repository).tasklet((contribution, chunk) -> {
                    String runId = RunIds.of(chunk);
                    QuarantinePurge.Purged purged = new QuarantinePurge(
                            new HomeLayout(settings.home()).quarantine(runId).getParent(), Clock.systemUTC())
                            .purge(settings.quarantineKeepDays(), runId);
                    contribution.incrementWriteCount(purged.files());
                    return RepeatStatus.FINISHED;
                }, transactions).build())
                .build();
    }
}
