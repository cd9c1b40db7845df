package io.shequ.orchestration.schedule;

import io.shequ.jobs.pipeline.ExitCodes;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.PipelineRuntime;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job a cron trigger fires: one run of the configured job. Never two runs of the same
 * job at once: Quartz holds back a fire while the previous one runs, on any node of a cluster
 * (the store marks the job's triggers blocked), and the held-back fire then runs once.
 */
@DisallowConcurrentExecution
public final class PipelineQuartzJob implements Job {

    static final String RUNTIME = "shequ.runtime";
    static final String FIRES = "shequ.fires";
    /** Job-data key: which job a fire runs ({@link ShequConfig.Schedule#JOBS}). */
    static final String JOB = "shequ.job";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineQuartzJob.class);

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            PipelineRuntime runtime = (PipelineRuntime) context.getScheduler().getContext().get(RUNTIME);
            ScheduledFires fires = (ScheduledFires) context.getScheduler().getContext().get(FIRES);
            String job = context.getMergedJobDataMap().containsKey(JOB)
                    ? context.getMergedJobDataMap().getString(JOB) : ShequConfig.Schedule.PIPELINE;
            String trigger = context.getTrigger().getKey().getName();
            String fireId = fires.began(trigger, job, context.getScheduledFireTime(), context.getFireTime(),
                    context.getScheduler().getSchedulerInstanceId());
            PipelineRuntime.Outcome outcome;
            try {
                outcome = runtime.run(job);
            } catch (Exception e) {
                fires.ended(fireId, null, ExitCodes.FAILURE);
                throw e;
            }
            fires.ended(fireId, outcome.runId(), outcome.exitCode());
            LOG.info("scheduled {} run {} ({}, scheduled {}) ended with exit code {}", job, outcome.runId(), trigger,
                    context.getScheduledFireTime().toInstant(), outcome.exitCode());
            context.setResult(outcome);
        } catch (Exception e) {
            throw new JobExecutionException("scheduled run failed", e, false);
        }
    }
}
