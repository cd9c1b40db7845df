package io.shequ.orchestration.truth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shequ.jobs.run.RunLedger;
import io.shequ.schemas.home.OwnerOnly;
import io.shequ.simulator.SimulationResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * How well one run resolved a generated sample's division names, scored against the sample's
 * ground truth: street-office report rows (street and community names) and ledger rows (served
 * communities). The pipeline never reads the truth; only {@code shequ demo} and the tests, which
 * generated the sample, hold the run's outputs ({@link ResolvedNames}) to it ({@link TruthNames}).
 *
 * <p>Each staged row that should become a fact counts once: resolved when it is a fact (correct
 * when the fact's codes are the truth's), not resolved when conform quarantined its name, and not
 * resolved either when it is in neither place, so a lost row lowers the recall.
 */
public record ResolutionAgainstTruth(ResolutionScore reports, ResolutionScore contracts) {

    /** The run summary's key. */
    public static final String SUMMARY_KEY = "resolution_against_truth";

    public static ResolutionAgainstTruth of(Path home, String runId, SimulationResult sample)
            throws IOException, SQLException {
        ResolvedNames resolved = new ResolvedNames(home, runId);
        return new ResolutionAgainstTruth(
                score(
                        TruthNames.reports(sample),
                        resolved.of("fct_community_reports", "community_code", "conform_community_reports")),
                score(
                        TruthNames.contracts(sample),
                        resolved.of("fct_service_contracts", "served_code", "conform_service_contracts")));
    }

    static ResolutionScore score(Map<String, SortedSet<String>> truth, Map<String, SortedSet<String>> resolved) {
        long resolvedRows = 0;
        long correct = 0;
        for (Map.Entry<String, SortedSet<String>> name : truth.entrySet()) {
            SortedSet<String> codes = resolved.get(name.getKey());
            if (codes != null && !codes.isEmpty()) {
                resolvedRows++;
                if (codes.equals(name.getValue())) {
                    correct++;
                }
            }
        }
        return new ResolutionScore(truth.size(), resolvedRows, correct);
    }

    public ResolutionScore total() {
        return reports.plus(contracts);
    }

    /** The total's fields, then {@code by_source}. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>(total().fields());
        Map<String, Object> bySource = new LinkedHashMap<>();
        bySource.put("street_office_reports", reports.fields());
        bySource.put("procurement_ledgers", contracts.fields());
        summary.put("by_source", bySource);
        return summary;
    }

    /** Adds {@link #summary()} to a run's {@code summary.json} under {@link #SUMMARY_KEY}, replacing the file atomically. */
    public void addTo(Path summaryFile) throws IOException {
        ObjectNode root = (ObjectNode) RunLedger.JSON.readTree(summaryFile.toFile());
        root.set(SUMMARY_KEY, RunLedger.JSON.valueToTree(summary()));
        Path tmp = summaryFile.resolveSibling(summaryFile.getFileName() + ".tmp");
        try (OutputStream stream = OwnerOnly.newOutputStream(tmp)) {
            RunLedger.JSON.writeValue(stream, root);
        }
        Files.move(tmp, summaryFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String toString() {
        return "names resolved against the sample's ground truth: " + total() + "\n  street-office reports: " + reports
                + "\n  procurement ledgers:   " + contracts;
    }
}
