package io.shequ.orchestration.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.run.RunLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Past runs as the Spring Batch job repository records them, completed with what each run's
 * {@code summary.json} says (rows read from the sources, the exit code the command returned).
 * A run killed mid-way has no summary: its rows then come from its steps' counts, and its exit
 * code is unknown while the repository still says STARTED.
 */
public final class RunHistory {

    /**
     * One job execution.
     *
     * @param rows     rows read from the sources (summary), else rows the steps staged and quarantined
     *                 (stage step) or wrote; null when no step counted any
     * @param exitCode the command's exit code, or null while the execution is (or died) unfinished
     */
    public record PastRun(
            long executionId,
            String job,
            String runId,
            String status,
            LocalDateTime started,
            Duration duration,
            Long rows,
            Integer exitCode) {}

    private final Path home;

    /** @param home the Shequ home whose {@code runs/} folder holds the summaries */
    public RunHistory(Path home) {
        this.home = home;
    }

    /** The newest {@code limit} executions, newest first. */
    public List<PastRun> newest(Connection c, int limit) throws SQLException {
        List<PastRun> runs = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql("run_history.sql"))) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("execution_id");
                    String runId = rs.getString("run_id");
                    String status = rs.getString("status");
                    LocalDateTime started = time(rs.getTimestamp("started"));
                    LocalDateTime ended = time(rs.getTimestamp("ended"));
                    Duration duration = started == null || ended == null ? null : Duration.between(started, ended);
                    JsonNode summary = summary(runId);
                    Long rows = summary != null && summary.has("sources") ? sourceRows(summary) : stepRows(c, id);
                    Integer exit = summary != null && summary.has("exit_code") && ended != null
                            ? Integer.valueOf(summary.get("exit_code").asInt())
                            : exitOf(status);
                    runs.add(new PastRun(id, rs.getString("job_name"), runId, status, started, duration, rows, exit));
                }
            }
        }
        return runs;
    }

    private JsonNode summary(String runId) {
        if (runId == null) {
            return null;
        }
        Path file = home.resolve("runs").resolve(runId).resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return RunLedger.JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static long sourceRows(JsonNode summary) {
        long rows = 0;
        for (JsonNode account : summary.get("sources")) {
            rows += account.has("rowsRead")
                    ? account.get("rowsRead").asLong()
                    : account.path("rows_read").asLong(0);
        }
        return rows;
    }

    private static Long stepRows(Connection c, long executionId) throws SQLException {
        Long stage = null;
        long written = 0;
        boolean any = false;
        try (PreparedStatement q = c.prepareStatement(sql("run_step_rows.sql"))) {
            q.setLong(1, executionId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    any = true;
                    written += rs.getLong("write_count");
                    if ("stage".equals(rs.getString("step_name"))) {
                        stage = rs.getLong("write_count") + rs.getLong("filter_count");
                    }
                }
            }
        }
        return stage != null ? stage : any ? Long.valueOf(written) : null;
    }

    /** The exit code a status implies when no summary says it: COMPLETED 0, unfinished unknown, else 1. */
    static Integer exitOf(String status) {
        return switch (status) {
            case "COMPLETED" -> 0;
            case "STARTING", "STARTED", "STOPPING", "UNKNOWN" -> null;
            default -> 1;
        };
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    private static String sql(String name) {
        try (InputStream in = RunHistory.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
