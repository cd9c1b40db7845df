package io.shequ.jobs.recovery;

import io.shequ.jobs.run.RunIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Finds the executions of a job that the job repository still shows as running (STARTING,
 * STARTED, STOPPING) although the process that ran them is gone, and marks them FAILED with an
 * end time and an exit message naming the dead owner ({@link JobOperator#recover}), so that
 * Spring Batch can restart them from their last committed step.
 *
 * <p>The rule: an execution's owner is the process that last claimed its run id in
 * {@link RunOwners}. An owner on this host whose pid no longer runs, or runs a process started
 * at another time (pid reuse), is dead. An owner on another host, or a run without a recorded
 * owner, is left alone: this process cannot tell, and failing a live run would let two
 * processes write one run's folders.
 */
public final class DeadRunRecovery {

    /** A run found dead and marked FAILED. */
    public record Recovered(String runId, long executionId, ProcessOwner deadOwner) {}

    private static final Logger LOG = LoggerFactory.getLogger(DeadRunRecovery.class);

    private final JobRepository repository;
    private final JobOperator operator;
    private final RunOwners owners;
    private final ProcessOwner self;

    public DeadRunRecovery(JobRepository repository, JobOperator operator, RunOwners owners, ProcessOwner self) {
        this.repository = repository;
        this.operator = operator;
        this.owners = owners;
        this.self = self;
    }

    /** Marks every dead execution of {@code jobName} FAILED; returns them, oldest first. */
    public List<Recovered> recover(String jobName) {
        List<Recovered> recovered = new ArrayList<>();
        List<JobExecution> running = repository.findRunningJobExecutions(jobName).stream()
                .sorted(Comparator.comparing(JobExecution::getId))
                .toList();
        for (JobExecution found : running) {
            JobExecution execution = Optional.ofNullable(repository.getJobExecution(found.getId()))
                    .orElse(found);
            String runId = execution.getJobParameters().getString(RunIds.PARAMETER);
            Optional<ProcessOwner> owner = runId == null ? Optional.empty() : owners.owner(runId);
            if (owner.isEmpty()) {
                LOG.warn(
                        "execution {} (run {}) is marked {} but no owner is recorded: left alone",
                        execution.getId(),
                        runId,
                        execution.getStatus());
                continue;
            }
            ProcessOwner.Liveness liveness = owner.get().liveness(self);
            if (liveness != ProcessOwner.Liveness.DEAD) {
                LOG.info("run {} is {} by {} ({}): left alone", runId, execution.getStatus(), owner.get(), liveness);
                continue;
            }
            String message = "the owning " + owner.get() + " is gone (killed or crashed); marked FAILED by " + self;
            ExitStatus failed = ExitStatus.FAILED.addExitDescription(message);
            execution.setExitStatus(failed);
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setExitStatus(failed);
                }
            }
            operator.recover(execution);
            LOG.warn("run {} (execution {}): {}", runId, execution.getId(), message);
            recovered.add(new Recovered(runId, execution.getId(), owner.get()));
        }
        return recovered;
    }
}
