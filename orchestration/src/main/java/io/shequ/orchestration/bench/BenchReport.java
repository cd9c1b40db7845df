package io.shequ.orchestration.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * What one benchmark measured, as a compact console table and as a Markdown block for
 * BENCHMARKS.md. Any part may be missing (null): a run that failed still reports its exit code and
 * the steps it got through, and the comparisons that need a published warehouse say why they are absent.
 *
 * @param sample      e.g. "city 3701, scale 0.25, seed 11, year 2023"
 * @param cold        the first run, in a fresh home
 * @param peakBytes   the process's peak resident memory after the cold run, or -1
 * @param snapshotBytes the published warehouse snapshot's size, or -1
 * @param floor       the DuckDB floor, or null
 * @param plainBuild  the plain build of the same tables (no tests, comments, audits), or null
 * @param unchanged   a second run with no new data, or null
 * @param oneMoreDay  a run with one more day of grid events, or null
 * @param dayEvents   the events that day added
 */
public record BenchReport(
        String sample,
        Machine machine,
        RunFigures cold,
        long peakBytes,
        long snapshotBytes,
        SqlFloor.Result floor,
        PlainWarehouseBuild.Result plainBuild,
        RunFigures unchanged,
        RunFigures oneMoreDay,
        int dayEvents) {

    /** The console table. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("benchmark: ").append(sample).append('\n');
        out.append("machine:   ").append(machineLine()).append("\n\n");
        out.append(String.format(
                Locale.ROOT,
                "cold run %s: exit %d, %,d source rows in %s (%,.0f rows/s), peak memory %s, snapshot %s%n",
                cold.runId(),
                cold.exitCode(),
                cold.rowsRead(),
                seconds(cold.wall()),
                cold.rowsPerSecond(),
                bytes(peakBytes),
                bytes(snapshotBytes)));
        out.append(String.format(Locale.ROOT, "  %-14s %-10s %10s%n", "step", "status", "time"));
        for (RunFigures.Step step : cold.steps()) {
            out.append(String.format(
                    Locale.ROOT, "  %-14s %-10s %10s%n", step.name(), step.status(), seconds(step.duration())));
        }
        out.append(String.format(
                Locale.ROOT,
                "  %-25s %10s%n",
                "stage → publish",
                cold.stageToPublish().map(BenchReport::seconds).orElse("—")));
        out.append('\n');
        out.append(String.format(
                Locale.ROOT,
                "%-44s %10s   %s%n",
                "DuckDB floor (the publish's threads and memory)",
                floor == null ? "—" : seconds(floor.elapsed()),
                ratio("stage → publish / floor", cold.stageToPublish(), floorTime())));
        out.append(String.format(
                Locale.ROOT,
                "%-44s %10s   %s%n",
                "plain DuckDB build of the same tables",
                plainBuild == null ? "—" : seconds(plainBuild.elapsed()),
                ratio("publish / plain build", cold.completed("publish"), plainTime())));
        out.append(String.format(
                Locale.ROOT, "%-44s %10s   %s%n", "rerun, no new data", wall(unchanged), exit(unchanged)));
        out.append(String.format(
                Locale.ROOT,
                "%-44s %10s   %s%n",
                "rerun, one more day (" + String.format(Locale.ROOT, "%,d", dayEvents) + " events)",
                wall(oneMoreDay),
                exit(oneMoreDay)));
        return out.toString();
    }

    /** A Markdown block: the results row for BENCHMARKS.md's table, then the cold run's steps. */
    public String markdown(LocalDate date) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(date).append(": ").append(sample).append("\n\n");
        md.append("Machine: ").append(machineLine()).append("\n\n");
        md.append(RESULTS_HEADER).append('\n');
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %d | %,d | %s | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                date,
                sample,
                cold.exitCode(),
                cold.rowsRead(),
                seconds(cold.wall()),
                cold.rowsPerSecond(),
                cold.stageToPublish().map(BenchReport::seconds).orElse("—"),
                floor == null ? "—" : seconds(floor.elapsed()),
                times(cold.stageToPublish(), floorTime()),
                cold.completed("publish").map(BenchReport::seconds).orElse("—"),
                plainBuild == null ? "—" : seconds(plainBuild.elapsed()),
                times(cold.completed("publish"), plainTime()),
                bytes(peakBytes) + " / " + bytes(snapshotBytes),
                wall(unchanged),
                wall(oneMoreDay)));
        md.append("\n| step | status | time |\n|---|---|---:|\n");
        for (RunFigures.Step step : cold.steps()) {
            md.append("| ")
                    .append(step.name())
                    .append(" | ")
                    .append(step.status())
                    .append(" | ")
                    .append(seconds(step.duration()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The header of BENCHMARKS.md's results table; {@link #markdown} writes rows under it. */
    public static final String RESULTS_HEADER = """
            | date | sample | exit | source rows | cold run | rows/s | stage → publish | floor | ratio | publish | plain build | ratio | peak RSS / snapshot | rerun, no new data | rerun, +1 day |
            |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|""";

    private Optional<Duration> floorTime() {
        return Optional.ofNullable(floor).map(SqlFloor.Result::elapsed);
    }

    private Optional<Duration> plainTime() {
        return Optional.ofNullable(plainBuild).map(PlainWarehouseBuild.Result::elapsed);
    }

    private String machineLine() {
        return String.format(
                Locale.ROOT,
                "%d cores, %s, %s, %s",
                machine.cores(),
                bytes(machine.memoryBytes()),
                machine.cpu(),
                machine.java());
    }

    static String ratio(String label, Optional<Duration> numerator, Optional<Duration> denominator) {
        return label + " = " + times(numerator, denominator);
    }

    static String times(Optional<Duration> numerator, Optional<Duration> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty() || denominator.get().isZero()) {
            return "—";
        }
        return String.format(
                Locale.ROOT,
                "%.1f×",
                (double) numerator.get().toMillis() / denominator.get().toMillis());
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String bytes(long bytes) {
        if (bytes < 0) {
            return "—";
        }
        if (bytes < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
        }
        return bytes < 1024L * 1024 * 1024
                ? String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1f GiB", bytes / 1073741824.0);
    }

    private static String wall(RunFigures run) {
        return run == null ? "—" : seconds(run.wall()) + (run.exitCode() == 0 ? "" : " (exit " + run.exitCode() + ")");
    }

    private static String exit(RunFigures run) {
        return run == null
                ? "not run"
                : "exit " + run.exitCode() + ", " + String.format(Locale.ROOT, "%,d", run.rowsRead()) + " source rows";
    }
}
