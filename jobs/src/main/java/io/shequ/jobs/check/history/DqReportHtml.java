package io.shequ.jobs.check.history;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;

/**
 * A run's data-quality report as one plain HTML page ({@code runs/<id>/dq.html}): no scripts, no
 * external files, so it opens anywhere and can be mailed as is.
 */
public final class DqReportHtml {

    private DqReportHtml() {}

    public static void write(DqReport report, Path file) {
        try {
            OwnerOnly.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            OwnerOnly.writeString(tmp, render(report));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    public static String render(DqReport report) {
        StringBuilder h = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <title>数据质量 Data quality — run %s</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin-bottom:2em}
                td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#eee}
                .failed{background:#fdd}.num{text-align:right;font-variant-numeric:tabular-nums}</style></head><body>
                """.formatted(esc(report.runId())));
        h.append("<h1>数据质量 Data quality — run ")
                .append(esc(report.runId()))
                .append("</h1>\n<p>Status: ")
                .append(esc(report.status()));
        if (report.exitCode() != null) {
            h.append(", exit code ").append(report.exitCode());
        }
        h.append(report.blocked() ? ". <strong>An error-level rule failed: publishing was blocked.</strong>" : ".")
                .append("</p>\n");

        h.append(
                "<h2>Rule outcomes 规则结果</h2>\n<table><tr><th>outcome</th><th>level</th><th>dataset</th><th>rule</th><th>reason</th></tr>\n");
        report.rules()
                .forEach(r -> h.append(row(
                        r.failed(), r.failed() ? "FAILED" : "passed", r.level(), r.dataset(), r.rule(), r.reason())));
        h.append("</table>\n");
        if (!report.noRows().isEmpty()) {
            h.append("<p>No rows this run, not judged: ")
                    .append(esc(String.join(", ", report.noRows())))
                    .append("</p>\n");
        }

        h.append("<h2>Value accounting 数值核算</h2>\n<table><tr><th>source</th><th>field</th><th>read</th><th>staged</th>"
                + "<th>quarantined</th><th>lake</th><th>published</th></tr>\n");
        report.values()
                .forEach(v -> h.append(row(
                        false, v.source(), v.field(), v.read(), v.staged(), v.quarantined(), v.lake(), v.published())));
        h.append("</table>\n");

        h.append(
                "<h2>Source findings 来源发现（表头、分类值）</h2>\n<table><tr><th>level</th><th>kind</th><th>source</th>"
                        + "<th>file</th><th>office</th><th>field</th><th>value</th><th>rows</th><th>amount</th><th>message</th></tr>\n");
        report.findings()
                .forEach(f -> h.append(row(
                        !f.isNote(),
                        f.isNote() ? "note" : "warn",
                        f.kind(),
                        f.source(),
                        String.valueOf(f.location()),
                        String.valueOf(f.office()),
                        String.valueOf(f.field()),
                        String.valueOf(f.value()),
                        f.rows() == null ? "" : f.rows().toString(),
                        f.amount() == null ? "" : f.amount().toPlainString(),
                        f.message())));
        h.append("</table>\n");

        h.append(
                "<h2>Anomaly rules 异常检测</h2>\n<table><tr><th>outcome</th><th>level</th><th>dataset</th><th>rule</th>"
                        + "<th>this run</th><th>baseline</th><th>accepted</th><th>compared with (earlier accepted runs)</th><th>reason</th></tr>\n");
        for (AnomalyOutcome a : report.anomalies()) {
            String history = a.history().isEmpty()
                    ? "no history yet"
                    : a.history().stream()
                            .map(p -> p.runId() + " = " + AnomalyRule.fmt(p.value()))
                            .collect(Collectors.joining("\n"));
            h.append(row(
                    a.failed(),
                    a.failed() ? "FAILED" : "passed",
                    a.level(),
                    a.dataset(),
                    a.rule(),
                    a.value() == null ? "—" : AnomalyRule.fmt(a.value()),
                    a.baseline() == null ? "—" : AnomalyRule.fmt(a.baseline()),
                    a.bounds(),
                    history,
                    a.reason() + (a.description().isBlank() ? "" : "\n(" + a.description() + ")")));
        }
        h.append("</table>\n");

        h.append("<h2>Metrics 指标</h2>\n<table><tr><th>dataset</th><th>metric</th><th>column</th><th>value</th></tr>\n");
        report.metrics()
                .forEach(m -> h.append("<tr><td>")
                        .append(esc(m.dataset()))
                        .append("</td><td>")
                        .append(esc(m.metric()))
                        .append("</td><td>")
                        .append(esc(m.column()))
                        .append("</td><td class=\"num\">")
                        .append(esc(AnomalyRule.fmt(m.value())))
                        .append("</td></tr>\n"));
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static String row(boolean failed, String... cells) {
        StringBuilder r = new StringBuilder(failed ? "<tr class=\"failed\">" : "<tr>");
        for (String cell : cells) {
            r.append("<td>").append(esc(cell).replace("\n", "<br>")).append("</td>");
        }
        return r.append("</tr>\n").toString();
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
