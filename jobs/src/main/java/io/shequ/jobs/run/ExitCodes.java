package io.shequ.jobs.run;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The command line's exit codes, and how a finished pipeline run maps onto them. */
public final class ExitCodes {

    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int QUALITY_GATE = 3;

    private ExitCodes() {}

    /**
     * Job-context key: how many source files the run quarantined whole while configured not to
     * tolerate it. A run that completes with such files exits {@link #FAILURE}: it has loaded and
     * published the other files, but an operator must look at the ones it could not read.
     */
    public static final String INTOLERABLE_FILES = "shequ.files_quarantined_whole.intolerable";

    public static int of(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return execution.getExecutionContext().getInt(INTOLERABLE_FILES, 0) > 0 ? FAILURE : SUCCESS;
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof QualityGate) {
                    return QUALITY_GATE;
                }
            }
        }
        return FAILURE;
    }
}
