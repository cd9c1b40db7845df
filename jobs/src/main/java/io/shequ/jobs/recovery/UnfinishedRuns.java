package io.shequ.jobs.recovery;

import io.shequ.jobs.run.RunIds;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The runs of a job whose folders may still be read: those whose last execution is neither
 * COMPLETED nor ABANDONED. That is every run still running (here or on another node), and every
 * run that FAILED or STOPPED and so can be restarted with the same run id: a restart skips the
 * completed steps and reruns the failed one on the run's own landing, staging and work folders.
 */
public final class UnfinishedRuns {

    private final JobRepository repository;
    private final String jobName;

    public UnfinishedRuns(JobRepository repository, String jobName) {
        this.repository = repository;
        this.jobName = jobName;
    }

    /** Their run ids. */
    public Set<String> runIds() {
        Set<String> runIds = new TreeSet<>();
        for (JobInstance instance : repository.findJobInstances(jobName)) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last == null
                    || last.getStatus() == BatchStatus.COMPLETED
                    || last.getStatus() == BatchStatus.ABANDONED) {
                continue;
            }
            String runId = last.getJobParameters().getString(RunIds.PARAMETER);
            if (runId != null) {
                runIds.add(runId);
            }
        }
        return runIds;
    }
}
