package io.shequ.orchestration.cli;

import io.shequ.orchestration.config.ConfigException;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.SchedulerSettings;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.schedule.PipelineScheduler;
import java.nio.file.Path;
import java.util.Date;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description =
                "Run the Quartz scheduler in the foreground, firing the pipeline on the configured cron schedules, until stopped.")
public final class ScheduleCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "the shequ.yml with a schedules list")
    Path config;

    @Option(
            names = "--list",
            description = "print the configured schedules (cron, job, the sources each reads, next fire) and exit")
    boolean list;

    @Override
    public Integer call() throws Exception {
        ShequConfig cfg = ConfigReader.read(config);
        if (cfg.schedules().isEmpty()) {
            throw new ConfigException("schedules", "at least one {name, cron} entry to schedule");
        }
        if (list) {
            ScheduleListing.print(cfg, new Date(), System.out);
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        SchedulerSettings settings = cfg.scheduler();
        try (PipelineRuntime runtime = new PipelineRuntime(cfg);
                PipelineScheduler scheduler = new PipelineScheduler(runtime, settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            scheduler.start();
            ScheduleListing.print(cfg, new Date(), System.out);
            System.out.println("scheduler node " + scheduler.scheduler().getSchedulerInstanceId()
                    + (settings.clustered()
                            ? ", clustered (check-in every " + settings.checkinIntervalMillis() + " ms)"
                            : ", not clustered"));
            System.out.println("scheduler running; Ctrl-C to stop");
            stopped.await();
        }
        return 0;
    }
}
