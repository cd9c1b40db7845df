package io.shequ.orchestration.schedule;

import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.PipelineRuntime;
import java.util.Properties;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz with its JDBC job store in the job-repository database: the configured cron schedules
 * fire pipeline runs. Triggers live in the database, so a restarted scheduler picks up where it
 * stopped; on start the configured schedules replace the stored ones.
 */
public final class PipelineScheduler implements AutoCloseable {

    private static final JobKey JOB = JobKey.jobKey("shequ-pipeline", "shequ");

    private final Scheduler scheduler;

    public PipelineScheduler(PipelineRuntime runtime) throws SchedulerException {
        ShequConfig config = runtime.config();
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "shequ");
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", config.jobRepository().url().startsWith("jdbc:postgresql")
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", "shequ");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.dataSource.shequ.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.shequ.driver", driverFor(config.jobRepository().url()));
        p.setProperty("org.quartz.dataSource.shequ.URL", config.jobRepository().url());
        p.setProperty("org.quartz.dataSource.shequ.user", config.jobRepository().user());
        p.setProperty("org.quartz.dataSource.shequ.password", config.jobRepository().password());
        p.setProperty("org.quartz.dataSource.shequ.maxConnections", "3");
        this.scheduler = new StdSchedulerFactory(p).getScheduler();
        scheduler.getContext().put(PipelineQuartzJob.RUNTIME, runtime);
        JobDetail job = JobBuilder.newJob(PipelineQuartzJob.class).withIdentity(JOB).storeDurably().build();
        scheduler.addJob(job, true);
        for (TriggerKey key : scheduler.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals("shequ"))) {
            scheduler.unscheduleJob(key);
        }
        for (ShequConfig.Schedule s : config.schedules()) {
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(s.name(), "shequ").forJob(JOB)
                    .withSchedule(CronScheduleBuilder.cronSchedule(s.cron()).withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduler.scheduleJob(trigger);
        }
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
