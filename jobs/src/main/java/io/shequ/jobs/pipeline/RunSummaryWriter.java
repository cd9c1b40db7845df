package io.shequ.jobs.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shequ.jobs.check.history.DqReport;
import io.shequ.jobs.check.history.DqReportHtml;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunIds;
import io.shequ.jobs.run.RunLedger;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes {@code runs/<run-id>/summary.json} when a run ends, however it ends: what each step
 * did, row accounting per source, data-quality outcomes, the lake and warehouse snapshots, and
 * the exit status.
 */
public final class RunSummaryWriter implements JobExecutionListener {

    private final HomeLayout layout;

    public RunSummaryWriter(HomeLayout layout) {
        this.layout = layout;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String runId = String.valueOf(execution.getJobParameters().getString(RunIds.PARAMETER));
        ObjectNode summary = RunLedger.JSON.createObjectNode();
        summary.put("run_id", runId);
        summary.put("status", execution.getStatus().name());
        summary.put("exit_code", ExitCodes.of(execution));
        summary.put("started", String.valueOf(execution.getStartTime()));
        summary.put("ended", String.valueOf(LocalDateTime.now()));
        ArrayNode steps = summary.putArray("steps");
        execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(
                        StepExecution::getStartTime, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(step -> {
                    ObjectNode s = steps.addObject();
                    s.put("step", step.getStepName());
                    s.put("status", step.getStatus().name());
                    s.put("started", String.valueOf(step.getStartTime()));
                    LocalDateTime end = step.getEndTime() == null ? LocalDateTime.now() : step.getEndTime();
                    s.put(
                            "duration_ms",
                            step.getStartTime() == null
                                    ? 0
                                    : Duration.between(step.getStartTime(), end).toMillis());
                    s.put("read", step.getReadCount());
                    s.put("written", step.getWriteCount());
                    s.put("quarantined", step.getFilterCount());
                    step.getFailureExceptions().stream()
                            .findFirst()
                            .ifPresent(e -> s.put("error", String.valueOf(e.getMessage())));
                });
        ObjectNode ledger = new RunLedger(layout, runId).read();
        for (LedgerSection section : LedgerSection.values()) {
            if (section.inSummary() && ledger.has(section.key())) {
                summary.set(section.key(), ledger.get(section.key()));
            }
        }
        int intolerable = execution.getExecutionContext().getInt(ExitCodes.INTOLERABLE_FILES, 0);
        if (intolerable > 0 && execution.getStatus() == BatchStatus.COMPLETED) {
            summary.put(
                    "exit_reason",
                    intolerable + " source file(s) quarantined whole (files_quarantined_whole); "
                            + "the other files loaded and published. Set sources.tolerate-unreadable-files: true to exit 0.");
        }
        execution.getAllFailureExceptions().stream()
                .findFirst()
                .ifPresent(e -> summary.put("error", String.valueOf(e.getMessage())));
        try {
            Path file = layout.run(runId).resolve("summary.json");
            OwnerOnly.createDirectories(file.getParent());
            try (OutputStream out = OwnerOnly.newOutputStream(file)) {
                RunLedger.JSON.writeValue(out, summary);
            }
            if (Files.exists(layout.run(runId).resolve("dq.html"))) {
                // rewritten now that the run's status and exit code are known
                DqReportHtml.write(
                        DqReport.read(layout.run(runId)), layout.run(runId).resolve("dq.html"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the run summary", e);
        }
    }
}
