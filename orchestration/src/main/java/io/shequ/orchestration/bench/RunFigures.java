package io.shequ.orchestration.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One pipeline run as the benchmark reports it, read from its {@code runs/<id>/summary.json}: the
 * steps with their status and time, the exit code, and the rows read from the sources. A run that
 * failed lists the steps it got through, the failing one last.
 *
 * @param wall wall-clock time of the whole run, measured by the caller (steps leave out the job's own overhead)
 */
public record RunFigures(String runId, int exitCode, List<Step> steps, long rowsRead, Duration wall) {

    /** The steps that do what the SQL floor does: from the typed rows to the published warehouse. */
    static final Set<String> STAGE_TO_PUBLISH = Set.of("stage", "check", "conform", "lake", "publish");

    /** One step of the job: its name, how it ended, how long it took. */
    public record Step(String name, String status, Duration duration) {}

    public static RunFigures read(Path summary, int exitCode, Duration wall) throws IOException {
        if (!Files.exists(summary)) {
            return new RunFigures(summary.getParent().getFileName().toString(), exitCode, List.of(), 0, wall);
        }
        JsonNode root = new ObjectMapper().readTree(summary.toFile());
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : root.path("steps")) {
            steps.add(new Step(
                    step.path("step").asText(),
                    step.path("status").asText(),
                    Duration.ofMillis(step.path("duration_ms").asLong())));
        }
        long rows = 0;
        for (JsonNode source : root.path("sources")) {
            rows += source.has("rowsRead")
                    ? source.path("rowsRead").asLong()
                    : source.path("rows_read").asLong();
        }
        return new RunFigures(root.path("run_id").asText(), exitCode, steps, rows, wall);
    }

    /** The summed time of {@link #STAGE_TO_PUBLISH}, or empty when the run did not complete publish. */
    public Optional<Duration> stageToPublish() {
        boolean published = steps.stream()
                .anyMatch(s -> s.name().equals("publish") && s.status().equals("COMPLETED"));
        if (!published) {
            return Optional.empty();
        }
        return Optional.of(steps.stream()
                .filter(s -> STAGE_TO_PUBLISH.contains(s.name()))
                .map(Step::duration)
                .reduce(Duration.ZERO, Duration::plus));
    }

    /** The named step's time, when it completed. */
    public Optional<Duration> completed(String step) {
        return steps.stream()
                .filter(s -> s.name().equals(step) && s.status().equals("COMPLETED"))
                .map(Step::duration)
                .findFirst();
    }

    /** Source rows per second of wall-clock time. */
    public double rowsPerSecond() {
        return wall.isZero() ? 0 : rowsRead * 1000.0 / wall.toMillis();
    }
}
