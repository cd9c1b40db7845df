package io.shequ.jobs.recovery;

import io.shequ.jobs.run.RunIds;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The runs a restart may pick up: each run id is one job instance, and it can be restarted
 * while its last execution ended FAILED or STOPPED (Spring Batch then skips the steps that
 * completed). A COMPLETED run has nothing left to do; an ABANDONED one was given up on purpose.
 */
public final class RestartableRuns {

    private final JobRepository repository;
    private final String jobName;

    public RestartableRuns(JobRepository repository, String jobName) {
        this.repository = repository;
        this.jobName = jobName;
    }

    /** The last execution of the run named by a run id or a job execution id, if it exists. */
    public Optional<JobExecution> find(String id) {
        if (id.chars().allMatch(Character::isDigit)) {
            JobExecution execution = repository.getJobExecution(Long.parseLong(id));
            if (execution != null) {
                return Optional.ofNullable(repository.getLastJobExecution(execution.getJobInstance()));
            }
        }
        return instances().stream()
                .map(repository::getLastJobExecution)
                .filter(e -> e != null && id.equals(e.getJobParameters().getString(RunIds.PARAMETER)))
                .findFirst();
    }

    /**
     * The last execution of the newest run. A restart without an id takes it only when it is
     * restartable: restarting an older failed run after a newer one completed would publish older
     * sources over newer ones, so that needs the run named explicitly.
     */
    public Optional<JobExecution> newest() {
        return instances().stream()
                .map(repository::getLastJobExecution)
                .filter(e -> e != null)
                .max(Comparator.comparing(JobExecution::getId));
    }

    public static boolean isRestartable(JobExecution execution) {
        return execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED;
    }

    private List<JobInstance> instances() {
        return repository.findJobInstances(jobName);
    }
}
