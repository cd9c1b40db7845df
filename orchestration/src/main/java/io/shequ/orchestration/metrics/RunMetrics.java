package io.shequ.orchestration.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.jobs.run.RunLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Turns a finished run into Micrometer meters: how long each step took, the rows each step
 * read, wrote and quarantined, and the rows quarantined per source. Meters accumulate over the
 * runs of a long-lived process (a scheduler), so a registry that is scraped or published sees
 * totals; the log line written at the end of each run shows what that run added.
 *
 * <p>Meters: {@code shequ.run.duration} (timer; job, exit_code), {@code shequ.step.duration}
 * (timer; job, step, status), {@code shequ.step.rows} (counter; job, step, kind =
 * read|written|quarantined), {@code shequ.source.rows} (counter; source, kind =
 * read|staged|quarantined, from the run summary's row accounting).
 */
public final class RunMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(RunMetrics.class);

    /** One meter's share of one run, as logged. */
    public record Line(String meter, Tags tags, String value) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(meter).append('{');
            tags.stream()
                    .forEach(t -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ",")
                            .append(t.getKey())
                            .append('=')
                            .append(t.getValue()));
            return b.append("} ").append(value).toString();
        }
    }

    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records {@code execution} (and its summary file, if any) and logs one line per meter it touched. */
    public List<Line> record(String runId, JobExecution execution, Path summary) {
        List<Line> lines = new ArrayList<>();
        String job = execution.getJobInstance().getJobName();
        Duration runTime = between(execution.getStartTime(), execution.getEndTime());
        String exitCode = Integer.toString(ExitCodes.of(execution));
        Timer.builder("shequ.run.duration")
                .tags("job", job, "exit_code", exitCode)
                .register(registry)
                .record(runTime);
        lines.add(
                new Line("shequ.run.duration", Tags.of("job", job, "exit_code", exitCode), runTime.toMillis() + "ms"));
        for (StepExecution step : execution.getStepExecutions()) {
            Tags tags = Tags.of(
                    "job",
                    job,
                    "step",
                    step.getStepName(),
                    "status",
                    step.getStatus().name());
            Duration took = between(step.getStartTime(), step.getEndTime());
            Timer.builder("shequ.step.duration").tags(tags).register(registry).record(took);
            lines.add(new Line("shequ.step.duration", tags, took.toMillis() + "ms"));
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put("read", step.getReadCount());
            rows.put("written", step.getWriteCount());
            rows.put("quarantined", step.getFilterCount());
            rows.forEach((kind, count) -> count(
                    lines, "shequ.step.rows", Tags.of("job", job, "step", step.getStepName(), "kind", kind), count));
        }
        for (Map.Entry<String, long[]> source : sourceRows(summary).entrySet()) {
            String[] kinds = {"read", "staged", "quarantined"};
            for (int i = 0; i < kinds.length; i++) {
                count(
                        lines,
                        "shequ.source.rows",
                        Tags.of("source", source.getKey(), "kind", kinds[i]),
                        source.getValue()[i]);
            }
        }
        lines.forEach(line -> LOG.info("run {} metric {}", runId, line));
        return lines;
    }

    private void count(List<Line> lines, String meter, Tags tags, long rows) {
        Counter counter = Counter.builder(meter).baseUnit("rows").tags(tags).register(registry);
        counter.increment(rows);
        lines.add(new Line(meter, tags, "+" + rows + " (total " + (long) counter.count() + ")"));
    }

    /** Rows read, staged and quarantined per source, summed over its files, from {@code summary.json}'s {@code sources}. */
    static Map<String, long[]> sourceRows(Path summary) {
        Map<String, long[]> bySource = new LinkedHashMap<>();
        if (summary == null || !Files.isRegularFile(summary)) {
            return bySource;
        }
        try {
            for (JsonNode account : RunLedger.JSON.readTree(summary.toFile()).path("sources")) {
                long[] rows = bySource.computeIfAbsent(account.path("source").asText("unknown"), s -> new long[3]);
                rows[0] += field(account, "rowsRead", "rows_read");
                rows[1] += field(account, "rowsStaged", "rows_staged");
                rows[2] += field(account, "rowsQuarantined", "rows_quarantined");
            }
        } catch (IOException e) {
            LOG.warn("run summary {} unreadable, no per-source metrics: {}", summary, e.getMessage());
        }
        return bySource;
    }

    private static long field(JsonNode node, String camel, String snake) {
        return node.has(camel) ? node.get(camel).asLong() : node.path(snake).asLong(0);
    }

    private static Duration between(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return Duration.ZERO;
        }
        return Duration.between(start, end == null ? LocalDateTime.now() : end);
    }
}
