package io.shequ.orchestration.schedule;

import io.shequ.orchestration.runtime.PipelineRuntime;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Quartz job a cron trigger fires: one pipeline run, never two at once. */
@DisallowConcurrentExecution
public final class PipelineQuartzJob implements Job {

    static final String RUNTIME = "shequ.runtime";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineQuartzJob.class);

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            PipelineRuntime runtime = (PipelineRuntime) context.getScheduler().getContext().get(RUNTIME);
            PipelineRuntime.Outcome outcome = runtime.runOnce();
            LOG.info("scheduled run {} ({}) ended with exit code {}", outcome.runId(),
                    context.getTrigger().getKey().getName(), outcome.exitCode());
            context.setResult(outcome);
        } catch (Exception e) {
            throw new JobExecutionException("scheduled pipeline run failed", e, false);
        }
    }
}
