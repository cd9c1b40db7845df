package io.shequ.orchestration.schedule;

import io.shequ.orchestration.config.SchedulerSettings;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.PipelineRuntime;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Quartz with its JDBC job store (by default the job-repository database): the configured cron
 * schedules fire runs. Triggers live in the database, so a restarted scheduler picks up where it
 * stopped, and a missed fire (the scheduler was down or busy) runs once, not once per missed
 * time. Clustered, several nodes share one store; each fire is taken by exactly one of them.
 * On start the configured schedules replace the stored ones that differ, so nodes with the same
 * configuration starting together leave the triggers alone.
 */
public final class PipelineScheduler implements AutoCloseable {

    static final String GROUP = "shequ";

    private final Scheduler scheduler;

    public PipelineScheduler(PipelineRuntime runtime) throws SchedulerException, SQLException {
        this(runtime, runtime.config().scheduler());
    }

    public PipelineScheduler(PipelineRuntime runtime, SchedulerSettings settings)
            throws SchedulerException, SQLException {
        this(runtime, settings, runtime.config().schedules());
    }

    /** A scheduler keeping {@code schedules} in the store (the configuration's, or a test's fire times). */
    public PipelineScheduler(PipelineRuntime runtime, SchedulerSettings settings, List<ShequConfig.Schedule> schedules)
            throws SchedulerException, SQLException {
        QuartzStoreSchema.ensure(settings);
        this.scheduler = new StdSchedulerFactory(properties(settings)).getScheduler();
        scheduler.getContext().put(PipelineQuartzJob.RUNTIME, runtime);
        scheduler.getContext().put(PipelineQuartzJob.FIRES, new ScheduledFires(runtime.dataSource()));
        for (String job : ShequConfig.Schedule.JOBS) {
            scheduler.addJob(
                    JobBuilder.newJob(PipelineQuartzJob.class)
                            .withIdentity(jobKey(job))
                            .storeDurably()
                            .usingJobData(PipelineQuartzJob.JOB, job)
                            .build(),
                    true);
        }
        Set<TriggerKey> configured = new HashSet<>();
        for (ShequConfig.Schedule s : schedules) {
            TriggerKey key = TriggerKey.triggerKey(s.name(), GROUP);
            configured.add(key);
            // every pipeline schedule, per-source or not, fires the one pipeline job: Quartz's
            // @DisallowConcurrentExecution is per job, so this is what keeps two runs from overlapping
            Trigger wanted = TriggerBuilder.newTrigger()
                    .withIdentity(key)
                    .forJob(jobKey(s.job()))
                    .usingJobData(PipelineQuartzJob.SOURCES, PipelineQuartzJob.sourcesData(s.sources()))
                    .withSchedule(
                            CronScheduleBuilder.cronSchedule(s.cron()).withMisfireHandlingInstructionFireAndProceed())
                    .build();
            Trigger stored = scheduler.getTrigger(key);
            if (stored == null) {
                try {
                    scheduler.scheduleJob(wanted);
                } catch (ObjectAlreadyExistsException another) {
                    // a node starting at the same moment stored it first
                }
            } else if (!same(stored, s)) {
                scheduler.rescheduleJob(key, wanted);
            }
        }
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            if (!configured.contains(key)) {
                scheduler.unscheduleJob(key);
            }
        }
    }

    /** The Quartz job that runs {@code job}: the pipeline keeps the key older releases stored. */
    static JobKey jobKey(String job) {
        return JobKey.jobKey(ShequConfig.Schedule.PIPELINE.equals(job) ? "shequ-pipeline" : "shequ-" + job, GROUP);
    }

    private boolean same(Trigger stored, ShequConfig.Schedule s) {
        return stored instanceof CronTrigger cron
                && cron.getCronExpression().equals(s.cron())
                && cron.getJobKey().equals(jobKey(s.job()))
                && PipelineQuartzJob.sourcesData(s.sources())
                        .equals(Objects.requireNonNullElse(
                                cron.getJobDataMap().getString(PipelineQuartzJob.SOURCES), ""))
                && cron.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW;
    }

    static Properties properties(SchedulerSettings settings) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "shequ");
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty(
                "org.quartz.jobStore.driverDelegateClass",
                settings.onPostgres()
                        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                        : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", "shequ");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // a fire later than this is a misfire, run once now (CronTrigger MISFIRE_INSTRUCTION_FIRE_ONCE_NOW)
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(settings.clustered()));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.checkinIntervalMillis()));
        // take the store's row lock while acquiring triggers, so two nodes never acquire the same fire
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.dataSource.shequ.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.shequ.driver", driverFor(settings.storeUrl()));
        p.setProperty("org.quartz.dataSource.shequ.URL", settings.storeUrl());
        p.setProperty("org.quartz.dataSource.shequ.user", settings.storeUser());
        p.setProperty("org.quartz.dataSource.shequ.password", settings.storePassword());
        p.setProperty("org.quartz.dataSource.shequ.maxConnections", Integer.toString(settings.threads() + 2));
        return p;
    }

    private static String driverFor(String url) {
        return url.startsWith("jdbc:postgresql") ? "org.postgresql.Driver" : "org.h2.Driver";
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }
}
