package io.shequ.orchestration.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

class RunMetricsTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 2, 0, 0);

    @TempDir
    Path dir;

    @Test
    void stepsAndSourcesBecomeMetersThatAccumulateOverRuns() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, """
                {"sources": [
                  {"source": "street_office_reports", "location": "a.xlsx", "rowsRead": 10, "rowsStaged": 8, "rowsQuarantined": 2},
                  {"source": "street_office_reports", "location": "b.csv", "rowsRead": 5, "rowsStaged": 5, "rowsQuarantined": 0},
                  {"source": "procurement", "location": "l.xlsx", "rowsRead": 7, "rowsStaged": 4, "rowsQuarantined": 3}]}
                """);
        RunMetrics metrics = new RunMetrics(registry);

        List<RunMetrics.Line> lines = metrics.record("r1", execution(), summary);
        metrics.record("r2", execution(), summary);

        assertThat(registry.get("shequ.step.duration")
                        .tag("step", "stage")
                        .timer()
                        .count())
                .as("one timing per run")
                .isEqualTo(2);
        assertThat(registry.get("shequ.step.duration")
                        .tag("step", "stage")
                        .timer()
                        .totalTime(TimeUnit.SECONDS))
                .as("90 s per run")
                .isEqualTo(180.0);
        assertThat(registry.get("shequ.step.rows")
                        .tags("step", "stage", "kind", "quarantined")
                        .counter()
                        .count())
                .as("the stage step's filter count, twice")
                .isEqualTo(10.0);
        assertThat(registry.get("shequ.source.rows")
                        .tags("source", "street_office_reports", "kind", "quarantined")
                        .counter()
                        .count())
                .as("2 + 0 quarantined per run, summed over files")
                .isEqualTo(4.0);
        assertThat(registry.get("shequ.source.rows")
                        .tags("source", "procurement", "kind", "read")
                        .counter()
                        .count())
                .isEqualTo(14.0);
        assertThat(registry.get("shequ.run.duration")
                        .tags("job", "shequPipeline", "exit_code", "0")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(lines)
                .as("one compact line per meter of the run")
                .extracting(Object::toString)
                .contains(
                        "shequ.step.duration{job=shequPipeline,status=COMPLETED,step=stage} 90000ms",
                        "shequ.source.rows{kind=quarantined,source=procurement} +3 (total 3)");
    }

    @Test
    void aRunWithoutSummaryStillHasItsSteps() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new RunMetrics(registry).record("r1", execution(), dir.resolve("missing.json"));
        assertThat(registry.find("shequ.source.rows").counters()).isEmpty();
        assertThat(registry.get("shequ.step.rows")
                        .tags("step", "extract", "kind", "written")
                        .counter()
                        .count())
                .isEqualTo(22.0);
    }

    private static JobExecution execution() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "shequPipeline"), new JobParameters());
        job.setStatus(BatchStatus.COMPLETED);
        job.setStartTime(T0);
        job.setEndTime(T0.plusMinutes(3));
        job.addStepExecution(step(job, 1, "extract", 0, 30, 22, 0));
        job.addStepExecution(step(job, 2, "stage", 30, 120, 17, 5));
        return job;
    }

    private static StepExecution step(
            JobExecution job, long id, String name, int from, int to, long written, long quarantined) {
        StepExecution step = new StepExecution(id, name, job);
        step.setStatus(BatchStatus.COMPLETED);
        step.setStartTime(T0.plusSeconds(from));
        step.setEndTime(T0.plusSeconds(to));
        step.setWriteCount(written);
        step.setFilterCount(quarantined);
        return step;
    }
}
