package io.shequ.orchestration.runtime;

import io.shequ.jobs.recovery.DeadRunRecovery;
import io.shequ.jobs.recovery.ProcessOwner;
import io.shequ.jobs.recovery.RestartableRuns;
import io.shequ.jobs.recovery.RunOwners;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.jobs.run.RunIds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Crash recovery of the pipeline: dead runs marked FAILED ({@link DeadRunRecovery}), then
 * restarted with the same run id and job parameters, so Spring Batch skips the steps that
 * completed and reruns the rest. Every step is idempotent for its run id, which makes a
 * half-done step safe to run again.
 */
final class RunRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);

    private final Path home;
    private final JobRepository repository;
    private final JobOperator operator;
    private final Job job;
    private final RunOwners owners;
    private final ProcessOwner self;

    RunRecovery(
            Path home, JobRepository repository, JobOperator operator, Job job, RunOwners owners, ProcessOwner self) {
        this.home = home;
        this.repository = repository;
        this.operator = operator;
        this.job = job;
        this.owners = owners;
        this.self = self;
    }

    /** Marks dead runs FAILED and restarts the newest dead one if it is the newest run of all. */
    List<PipelineRuntime.Outcome> resumeDead() throws Exception {
        List<DeadRunRecovery.Recovered> dead =
                new DeadRunRecovery(repository, operator, owners, self).recover(job.getName());
        List<PipelineRuntime.Outcome> resumed = new ArrayList<>();
        Optional<JobExecution> newest = new RestartableRuns(repository, job.getName()).newest();
        for (DeadRunRecovery.Recovered run : dead) {
            if (newest.isPresent() && run.runId().equals(runIdOf(newest.get()))) {
                LOG.warn("resuming run {} interrupted when {} died", run.runId(), run.deadOwner());
                resumed.add(restartExecution(newest.get()));
            } else {
                LOG.warn(
                        "run {} was interrupted and a later run has started since: left FAILED "
                                + "(`shequ restart {}` resumes it)",
                        run.runId(),
                        run.runId());
            }
        }
        return resumed;
    }

    /** Recovers dead runs, then restarts the run {@code id} names, or the newest run if it failed. */
    PipelineRuntime.Outcome restart(String id) throws Exception {
        new DeadRunRecovery(repository, operator, owners, self).recover(job.getName());
        RestartableRuns runs = new RestartableRuns(repository, job.getName());
        JobExecution last;
        if (id == null) {
            last = runs.newest()
                    .orElseThrow(() -> new RestartRefusedException(
                            "no run is recorded in the job repository: nothing to restart", ExitCodes.FAILURE));
        } else {
            last = runs.find(id)
                    .orElseThrow(() -> new RestartRefusedException(
                            "no run " + id + " in the job repository (give a run id or a job execution id)",
                            ExitCodes.USAGE));
        }
        if (!RestartableRuns.isRestartable(last)) {
            String why = last.getStatus().isRunning()
                    ? " and its owner "
                            + owners.owner(runIdOf(last)).map(String::valueOf).orElse("(unknown)")
                            + " is alive or cannot be checked from here"
                    : "";
            throw new RestartRefusedException(
                    "run " + runIdOf(last) + " (execution " + last.getId() + ") is " + last.getStatus() + why
                            + ": nothing to restart",
                    ExitCodes.FAILURE);
        }
        return restartExecution(last);
    }

    private PipelineRuntime.Outcome restartExecution(JobExecution last) throws Exception {
        String runId = runIdOf(last);
        owners.claim(runId, self);
        LOG.info(
                "restarting run {} from its last committed step (previous execution {} {})",
                runId,
                last.getId(),
                last.getStatus());
        JobExecution execution = operator.start(job, last.getJobParameters());
        return new PipelineRuntime.Outcome(
                runId,
                ExitCodes.of(execution),
                home.resolve("runs").resolve(runId).resolve("summary.json"));
    }

    private static String runIdOf(JobExecution execution) {
        return execution.getJobParameters().getString(RunIds.PARAMETER);
    }
}
