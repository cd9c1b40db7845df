package io.shequ.jobs.pipeline;

import io.shequ.jobs.check.DataQualityGateException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The command line's exit codes, and how a finished pipeline run maps onto them. */
public final class ExitCodes {

    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int QUALITY_GATE = 3;

    private ExitCodes() {
    }

    public static int of(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return SUCCESS;
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof DataQualityGateException) {
                    return QUALITY_GATE;
                }
            }
        }
        return FAILURE;
    }
}
