package io.shequ.jobs.check.history;

import io.shequ.jobs.stage.RunFindings;
import java.util.stream.Collectors;

/** A run's data-quality report as plain text for the terminal ({@code shequ dq}). */
public final class DqReportText {

    private DqReportText() {}

    public static String render(DqReport report) {
        StringBuilder out = new StringBuilder();
        out.append("data quality of run ")
                .append(report.runId())
                .append(": status ")
                .append(report.status());
        if (report.exitCode() != null) {
            out.append(", exit code ").append(report.exitCode());
        }
        out.append(report.blocked() ? " — an error-level rule failed: publishing blocked" : "")
                .append('\n');

        out.append("\nrule outcomes (").append(report.rules().size()).append(")\n");
        if (report.rules().isEmpty()) {
            out.append("  none recorded\n");
        }
        report.rules()
                .forEach(r -> out.append(String.format(
                        "  %-6s %-5s %-18s %s%s%n",
                        r.failed() ? "FAILED" : "passed",
                        r.level(),
                        r.dataset(),
                        r.rule(),
                        r.reason().isBlank() ? "" : " — " + r.reason())));
        if (!report.noRows().isEmpty()) {
            out.append("  no rows this run, not judged: ")
                    .append(String.join(", ", report.noRows()))
                    .append('\n');
        }

        out.append("\nsource findings (").append(report.findings().size()).append(")\n");
        if (report.findings().isEmpty()) {
            out.append("  none\n");
        }
        RunFindings.lines(report.findings()).forEach(l -> out.append(l).append('\n'));

        out.append("\nvalue accounting (per source and numeric field: read = staged + quarantined; lake; published)\n");
        if (report.values().isEmpty()) {
            out.append("  none recorded\n");
        }
        report.values()
                .forEach(v -> out.append(String.format(
                        "  %-22s %-22s read %s, staged %s, quarantined %s, lake %s, published %s%n",
                        v.source(), v.field(), v.read(), v.staged(), v.quarantined(), v.lake(), v.published())));

        out.append("\nanomaly rules (").append(report.anomalies().size()).append(")\n");
        if (report.anomalies().isEmpty()) {
            out.append("  none recorded\n");
        }
        for (AnomalyOutcome a : report.anomalies()) {
            out.append(String.format(
                    "  %-6s %-5s %-18s %s: %s%n",
                    a.failed() ? "FAILED" : "passed", a.level(), a.dataset(), a.rule(), a.reason()));
            out.append("         compared with: ")
                    .append(
                            a.history().isEmpty()
                                    ? "(no history)"
                                    : a.history().stream()
                                            .map(p -> "run " + p.runId() + " = " + AnomalyRule.fmt(p.value()))
                                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }

        out.append("\nmetrics (").append(report.metrics().size()).append(")\n");
        report.metrics()
                .forEach(m -> out.append(String.format(
                        "  %-18s %-12s %-32s %s%n", m.dataset(), m.metric(), m.column(), AnomalyRule.fmt(m.value()))));
        return out.toString();
    }
}
