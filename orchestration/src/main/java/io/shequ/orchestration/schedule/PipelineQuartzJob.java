package io.shequ.orchestration.schedule;

import io.shequ.jobs.run.ExitCodes;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.PipelineRuntime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job a cron trigger fires: one run of the configured job, for a per-source schedule
 * limited to the sources its trigger names. Never two runs of the same job at once: Quartz holds
 * back a fire while the previous one runs, on any node of a cluster (the store marks the job's
 * triggers blocked), and the held-back fire then runs once. The pipeline-wide and the per-source
 * schedules all fire the one pipeline job, so this covers them together.
 */
@DisallowConcurrentExecution
public final class PipelineQuartzJob implements Job {

    static final String RUNTIME = "shequ.runtime";
    static final String FIRES = "shequ.fires";
    /** Job-data key: which job a fire runs ({@link ShequConfig.Schedule#JOBS}). */
    static final String JOB = "shequ.job";
    /**
     * Trigger-data key: the sources a pipeline fire reads whole, comma-separated ledger names;
     * empty for every configured source. Kept on the trigger, not in a job of its own, so that
     * per-source and pipeline-wide schedules share one job and never run at once.
     */
    static final String SOURCES = "shequ.sources";

    private static final Logger LOG = LoggerFactory.getLogger(PipelineQuartzJob.class);

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            PipelineRuntime runtime =
                    (PipelineRuntime) context.getScheduler().getContext().get(RUNTIME);
            ScheduledFires fires =
                    (ScheduledFires) context.getScheduler().getContext().get(FIRES);
            String job = context.getMergedJobDataMap().containsKey(JOB)
                    ? context.getMergedJobDataMap().getString(JOB)
                    : ShequConfig.Schedule.PIPELINE;
            Set<String> sources = sources(context.getMergedJobDataMap().getString(SOURCES));
            String trigger = context.getTrigger().getKey().getName();
            String fireId = fires.began(
                    trigger,
                    job,
                    context.getScheduledFireTime(),
                    context.getFireTime(),
                    context.getScheduler().getSchedulerInstanceId());
            PipelineRuntime.Outcome outcome;
            try {
                outcome = sources.isEmpty() ? runtime.run(job) : runtime.runSources(sources);
            } catch (Exception e) {
                fires.ended(fireId, null, ExitCodes.FAILURE);
                throw e;
            }
            fires.ended(fireId, outcome.runId(), outcome.exitCode());
            LOG.info(
                    "scheduled {} run {} ({}{}, scheduled {}) ended with exit code {}",
                    job,
                    outcome.runId(),
                    trigger,
                    sources.isEmpty() ? "" : ", sources " + sources,
                    context.getScheduledFireTime().toInstant(),
                    outcome.exitCode());
            context.setResult(outcome);
        } catch (Exception e) {
            throw new JobExecutionException("scheduled run failed", e, false);
        }
    }

    /** The trigger data naming {@code sources} (ledger names; empty: every configured source). */
    static String sourcesData(List<String> sources) {
        return String.join(",", sources);
    }

    private static Set<String> sources(String data) {
        Set<String> sources = new LinkedHashSet<>();
        if (data != null) {
            Arrays.stream(data.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(sources::add);
        }
        return sources;
    }
}
