package io.shequ.orchestration.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes what the simulated sources mean, for tests to hold the pipeline to. Never read by the pipeline. */
final class GroundTruthWriter {

    static final String FOLDER = "ground-truth";

    /** Where one community row of a report landed and what it means. Column and reason are null when staged. */
    record ReportRow(String file, int line, String streetCode, String writtenName, String communityCode,
                     String period, String outcome, String column, String reason) {
        List<String> cells() {
            return List.of(file, String.valueOf(line), streetCode, writtenName, communityCode, period, outcome,
                    nz(column), nz(reason));
        }
    }

    /** One ledger row and what it means. Amount and reason may be empty. */
    record ContractRow(String file, int line, String projectNo, String outcome, String reason, String amountYuan,
                       String servedWritten, String servedCodes, String servedLevel, String category,
                       String signedDate, String serviceStart, String serviceEnd, String providerCreditCode) {
        List<String> cells() {
            return List.of(file, String.valueOf(line), projectNo, outcome, nz(reason), nz(amountYuan), servedWritten,
                    servedCodes, servedLevel, category, signedDate, serviceStart, serviceEnd, providerCreditCode);
        }
    }

    private static final List<String> REPORT_HEADER = List.of("file", "line", "street_code", "written_name",
            "community_code", "period", "outcome", "column", "reason");
    private static final List<String> CONTRACT_HEADER = List.of("file", "line", "project_no", "outcome", "reason",
            "amount_yuan", "served_written", "served_codes", "served_level", "category", "signed_date",
            "service_start", "service_end", "provider_credit_code");

    private static final String README = """
            # Ground truth of the simulated sources

            These files say what the simulated sources mean and are never read by the pipeline: \
            `report-rows.csv` has one row per community row of every street-office report (`file` relative to \
            the output folder; `line` the CSV line counting the header as 1, or the XLSX sheet row counting the \
            title as 1), the 12-digit street and community codes the written name stands for, the period, and \
            whether the row should be `staged` or `quarantined` (then the canonical header of the bad cell and \
            the reason); 合计 and footer rows are not listed because they are not communities. \
            `contracts.csv` has one row per procurement-ledger row with its outcome, the amount in yuan, the \
            served communities as 12-digit codes (or the street's code for 全街道, the district's for 全区) and \
            their level, the category, dates and the provider's credit code as written. The grid-system \
            database is its own truth: its rows are what the vendor system holds; connect with the URL and user \
            the simulator returns (the password is returned to the caller only).
            """;

    private GroundTruthWriter() {
    }

    static void write(Path out, int year, List<ReportRow> reports, List<ContractRow> contracts) throws IOException {
        Path folder = Files.createDirectories(out.resolve(FOLDER));
        writeCsv(folder.resolve("report-rows.csv"), REPORT_HEADER, reports.stream().map(ReportRow::cells));
        writeCsv(folder.resolve("contracts.csv"), CONTRACT_HEADER, contracts.stream().map(ContractRow::cells));
        Files.writeString(folder.resolve("README.md"), README, StandardCharsets.UTF_8);
        LocalDateTime dated = LocalDate.of(year + 1, 1, 1).atStartOfDay();
        for (String name : List.of("report-rows.csv", "contracts.csv", "README.md")) {
            DatedFiles.stamp(folder.resolve(name), dated);
        }
    }

    private static void writeCsv(Path file, List<String> header, Stream<List<String>> rows) throws IOException {
        String body = Stream.concat(Stream.of(header), rows)
                .map(cells -> cells.stream().map(GroundTruthWriter::quote).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, body, StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
