package io.shequ.orchestration.cli;

import io.shequ.orchestration.config.ShequConfig;
import java.io.PrintStream;
import java.text.ParseException;
import java.util.Date;
import org.quartz.CronExpression;

/**
 * One line per configured schedule: name, cron, job, the sources its fires read and the next
 * fire time; printed by {@code shequ schedule --list} and when the scheduler starts, so an
 * operator sees which schedule reads which source.
 */
final class ScheduleListing {

    private ScheduleListing() {}

    static void print(ShequConfig config, Date now, PrintStream out) throws ParseException {
        for (ShequConfig.Schedule s : config.schedules()) {
            out.println(line(s, now));
        }
    }

    static String line(ShequConfig.Schedule s, Date now) throws ParseException {
        String sources = !ShequConfig.Schedule.PIPELINE.equals(s.job())
                ? ""
                : s.sources().isEmpty() ? ", all configured sources" : ", sources " + String.join(", ", s.sources());
        Date next = new CronExpression(s.cron()).getNextValidTimeAfter(now);
        return "scheduled " + s.name() + ": " + s.cron() + " (" + s.job() + sources + ")"
                + (next == null ? ", no further fire" : ", next " + next.toInstant());
    }
}
