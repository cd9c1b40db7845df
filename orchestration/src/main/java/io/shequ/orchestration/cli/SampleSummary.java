package io.shequ.orchestration.cli;

import io.shequ.simulator.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What a generated sample holds, counted from its ground truth: files by outcome, rows and the
 * rejects meant to happen. Printed by {@code shequ generate}; the pipeline never reads these files.
 */
record SampleSummary(
        Map<String, Integer> reportFileOutcomes,
        int ledgerFiles,
        int reportRows,
        int reportRejects,
        int contractRejects,
        int eventRejects) {

    static SampleSummary of(Path groundTruth) throws IOException {
        Map<String, Integer> outcomes = new TreeMap<>();
        int ledgerFiles = 0;
        for (CSVRecord file : read(groundTruth.resolve("files.csv"))) {
            if (file.get("kind").equals("report")) {
                outcomes.merge(file.get("outcome"), 1, Integer::sum);
            } else {
                ledgerFiles++;
            }
        }
        List<CSVRecord> rows = read(groundTruth.resolve("report-rows.csv"));
        return new SampleSummary(
                outcomes,
                ledgerFiles,
                rows.size(),
                quarantined(rows),
                quarantined(read(groundTruth.resolve("contracts.csv"))),
                quarantined(read(groundTruth.resolve("grid-events.csv"))));
    }

    /** Prints the summary; {@code password} completes "its password ..." (where it is, never the password itself). */
    void print(SimulationResult result, String password, PrintWriter out) {
        out.printf(
                "street-office reports: %,d files in %s %s%n",
                result.reportFiles(), result.streetOfficeFolder(), reportFileOutcomes);
        out.printf("  community rows: %,d, of which %,d are meant to be quarantined%n", reportRows, reportRejects);
        out.printf(
                "procurement ledgers:   %,d files in %s, %,d rows, of which %,d are meant to be quarantined%n",
                ledgerFiles, result.procurementFolder(), result.contracts(), contractRejects);
        out.printf(
                "grid system:           %s (user %s), %,d events, of which %,d are meant to be quarantined%n",
                result.gridJdbcUrl(), result.gridUser(), result.events(), eventRejects);
        out.printf("  its password %s%n", password);
        out.printf(
                "ground truth:          %s (README.md there explains every file; the pipeline never reads it)%n",
                result.groundTruthFolder());
    }

    private static int quarantined(List<CSVRecord> rows) {
        return (int) rows.stream()
                .filter(r -> r.isMapped("outcome") && r.get("outcome").equals("quarantined"))
                .count();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (CSVParser parser = CSVParser.parse(
                file,
                StandardCharsets.UTF_8,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .build())) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
