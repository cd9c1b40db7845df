package io.shequ.jobs.check.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.stage.RunFindings;
import io.shequ.jobs.stage.SourceFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's data-quality outcomes as its run folder holds them: the DQDL rule outcomes, the
 * datasets without rows, the anomaly outcomes with their history, and the metrics. Read from
 * its ledger (written as the steps go) and, once the run has ended, {@code summary.json}.
 * Rule outcomes are read loosely (any fields), so other sections of the ledger can grow.
 */
public record DqReport(
        String runId,
        String status,
        Integer exitCode,
        List<RuleRow> rules,
        List<String> noRows,
        List<AnomalyOutcome> anomalies,
        List<DatasetMetric> metrics,
        List<SourceFinding> findings,
        List<ValueLine> values) {

    /** One line of the run's value accounting: a source's numeric field summed at each stage (null: not reached). */
    public record ValueLine(
            String source,
            String field,
            String read,
            String staged,
            String quarantined,
            String lake,
            String published) {}

    public DqReport(
            String runId,
            String status,
            Integer exitCode,
            List<RuleRow> rules,
            List<String> noRows,
            List<AnomalyOutcome> anomalies,
            List<DatasetMetric> metrics,
            List<SourceFinding> findings) {
        this(runId, status, exitCode, rules, noRows, anomalies, metrics, findings, List.of());
    }

    /** A report without staging's findings. */
    public DqReport(
            String runId,
            String status,
            Integer exitCode,
            List<RuleRow> rules,
            List<String> noRows,
            List<AnomalyOutcome> anomalies,
            List<DatasetMetric> metrics) {
        this(runId, status, exitCode, rules, noRows, anomalies, metrics, List.of());
    }

    /** One DQDL rule outcome. */
    public record RuleRow(String dataset, String level, String rule, String outcome, String reason) {
        public boolean failed() {
            return !"Passed".equalsIgnoreCase(outcome);
        }
    }

    public static DqReport read(Path runFolder) {
        String runId = runFolder.getFileName().toString();
        RunLedger runLedger = new RunLedger(runFolder);
        JsonNode ledger = runLedger.exists() ? runLedger.read() : null;
        JsonNode summary = json(runFolder.resolve("summary.json"));
        if (ledger == null && summary == null) {
            throw new IllegalArgumentException("no run in " + runFolder + " (neither a ledger nor summary.json)");
        }
        JsonNode source = ledger != null && ledger.has(LedgerSection.DATA_QUALITY.key())
                ? ledger
                : summary == null ? ledger : summary;
        List<RuleRow> rules = new ArrayList<>();
        source.path("data_quality")
                .forEach(r -> rules.add(new RuleRow(
                        r.path("dataset").asText(),
                        r.path("level").asText(),
                        r.path("rule").asText(),
                        r.path("outcome").asText(),
                        r.path("reason").isNull() ? "" : r.path("reason").asText(""))));
        List<String> noRows = new ArrayList<>();
        source.path("data_quality_no_rows").forEach(n -> noRows.add(n.asText()));
        // a run whose ledger is gone (purged) still has its summary, which carries the anomalies
        List<AnomalyOutcome> anomalies = AnomalyOutcome.LEDGER
                .read(runLedger)
                .orElseGet(() -> summary == null || !summary.has(LedgerSection.DQ_ANOMALIES.key())
                        ? List.of()
                        : RunLedger.JSON.convertValue(
                                summary.get(LedgerSection.DQ_ANOMALIES.key()),
                                new TypeReference<List<AnomalyOutcome>>() {}));
        List<DatasetMetric> metrics = DatasetMetric.LEDGER.read(runLedger).orElse(List.of());
        String status = summary == null
                ? "RUNNING or ended without a summary"
                : summary.path("status").asText();
        Integer exit = summary == null || !summary.has("exit_code")
                ? null
                : summary.path("exit_code").asInt();
        JsonNode valueSource = ledger != null && ledger.has(LedgerSection.VALUE_ACCOUNTING.key()) ? ledger : summary;
        List<ValueLine> values = new ArrayList<>();
        if (valueSource != null) {
            valueSource
                    .path("value_accounting")
                    .path("run")
                    .forEach(v -> values.add(new ValueLine(
                            v.path("source").asText(),
                            v.path("field").asText(),
                            sum(v, "read"),
                            sum(v, "staged"),
                            sum(v, "quarantined"),
                            sum(v, "lake"),
                            sum(v, "published"))));
        }
        return new DqReport(
                runId, status, exit, rules, noRows, anomalies, metrics, RunFindings.read(runFolder), values);
    }

    private static String sum(JsonNode line, String side) {
        return line.has(side) ? line.get(side).decimalValue().toPlainString() : "-";
    }

    private static JsonNode json(Path file) {
        try {
            return Files.isRegularFile(file) ? RunLedger.JSON.readTree(file.toFile()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Whether anything at error level failed: the run was (or will be) blocked from publishing. */
    public boolean blocked() {
        return rules.stream().anyMatch(r -> r.failed() && "error".equals(r.level()))
                || anomalies.stream().anyMatch(AnomalyOutcome::blocks);
    }
}
