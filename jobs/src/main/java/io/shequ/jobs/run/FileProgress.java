package io.shequ.jobs.run;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress through the files of a long step: a progress bar when a person watches a terminal,
 * plain log lines otherwise (a scheduler, CI or a redirected run has no console, and a bar's
 * carriage returns would only litter its log). Logs at most about ten lines per task.
 */
public final class FileProgress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileProgress.class);

    private final String task;
    private final int total;
    private final ProgressBar bar;
    private int done;

    private FileProgress(String task, int total, boolean terminal) {
        this.task = task;
        this.total = total;
        this.bar = terminal && total > 0
                ? new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" files", 1)
                        .continuousUpdate()
                        .build()
                : null;
    }

    /** Progress over {@code total} files, shown as a bar if this process has a console. */
    public static FileProgress start(String task, int total) {
        return new FileProgress(task, total, System.console() != null);
    }

    /** Progress that only logs, whatever the console. */
    public static FileProgress logging(String task, int total) {
        return new FileProgress(task, total, false);
    }

    /** Work on the next file, {@code name}, begins: counted as one more of the total. */
    public void starting(String name) {
        done++;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(name);
        } else if (logsAt(done, total)) {
            LOG.info("{}: file {}/{} ({})", task, done, total, name);
        }
    }

    public int done() {
        return done;
    }

    /** Whether the plain log shows file {@code done} of {@code total}: each tenth of the way, and the last. */
    static boolean logsAt(int done, int total) {
        if (done >= total || total <= 10) {
            return true;
        }
        return done * 10 / total != (done - 1) * 10 / total;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
