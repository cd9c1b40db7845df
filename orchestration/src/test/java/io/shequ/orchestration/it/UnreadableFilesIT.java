package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.simulator.SimulationResult;
import io.shequ.warehouse.WarehousePublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that cannot be read are quarantined whole while the others load and publish; the run
 * exits 1 and lists them unless the configuration tolerates them. Row accounting lands in the
 * run summary and in the operational table {@code shequ_landing_manifest}, and the two agree.
 * A ledger sent again without one of its contracts: that contract leaves the lake and the
 * published warehouse, whichever partition it lived in.
 */
class UnreadableFilesIT {

    private static final String DISTRICT = "370103";

    @TempDir
    Path home;

    @Test
    void unreadableFilesFailTheRunUnlessToleratedAndTheRestStillPublishes() throws Exception {
        SimulationResult sample = TinySample.cleanIn(home);
        Path offices = sample.streetOfficeFolder();
        Path street;
        try (Stream<Path> folders = Files.list(offices)) {
            street = folders.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        }
        String streetName = street.getFileName().toString();
        // a truncated workbook, and bytes that are no text in any encoding
        Path xlsx;
        try (Stream<Path> files = Files.list(street)) {
            xlsx = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
        }
        byte[] truncated = xlsx == null
                ? new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}
                : Arrays.copyOf(Files.readAllBytes(xlsx), 700);
        Files.write(street.resolve(streetName + "_2023年02月社区工作月报.xlsx"), truncated);
        byte[] garbage = new byte[512];
        new Random(5).nextBytes(garbage);
        Files.write(street.resolve(streetName + "_2023年03月社区工作月报.csv"), garbage);

        Path config = DemoCommand.writeConfig(home, DISTRICT, sample);
        String tolerated = Files.readString(config, StandardCharsets.UTF_8);
        assertThat(tolerated).contains("tolerate-unreadable-files: true");
        Files.writeString(
                config, tolerated.replace("tolerate-unreadable-files: true", "tolerate-unreadable-files: false"));

        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome run = runtime.runOnce();
            assertThat(run.exitCode())
                    .as("files quarantined whole fail the run")
                    .isEqualTo(1);
            JsonNode summary = new ObjectMapper().readTree(run.summary().toFile());
            assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(summary.path("exit_reason").asText()).contains("2 source file(s) quarantined whole");
            Map<String, String> rules = new HashMap<>();
            for (JsonNode file : summary.path("files_quarantined_whole")) {
                rules.put(file.path("location").asText(), file.path("rule").asText());
            }
            assertThat(rules)
                    .containsOnly(
                            Map.entry(streetName + "/" + streetName + "_2023年02月社区工作月报.xlsx", "unreadable_file"),
                            Map.entry(streetName + "/" + streetName + "_2023年03月社区工作月报.csv", "unreadable_file"));
            assertThat(new WarehousePublisher(home).current())
                    .as("the readable files were published")
                    .isPresent();
            assertManifestAgreesWithSummary(runtime, run.runId(), summary);
        }

        Files.writeString(config, tolerated);
        // the ledger is sent again without its last contract: it must leave the lake and the warehouse
        String removed = removeLastLedgerRow(sample.procurementFolder());
        assertThat(publishedProjects())
                .as("published before the ledger is resent")
                .contains(removed);
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome run = runtime.runOnce();
            assertThat(run.exitCode()).as("tolerated, the same sources exit 0").isZero();
            JsonNode summary = new ObjectMapper().readTree(run.summary().toFile());
            assertThat(summary.path("files_quarantined_whole")).hasSize(2);
            assertThat(summary.has("exit_reason")).isFalse();
            LakeSnapshot lake = LakeSnapshot.read(run.summary().resolveSibling("lake-snapshot.json"));
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                    Statement sql = duckdb.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT count(*) FROM read_parquet("
                            + lake.table("fct_service_contracts").orElseThrow().dataFiles().stream()
                                    .map(f -> "'" + f.replaceFirst("^file:", "") + "'")
                                    .collect(Collectors.joining(", ", "[", "]"))
                            + ", union_by_name = true) WHERE project_no = '" + removed + "'")) {
                rows.next();
                assertThat(rows.getLong(1))
                        .as("the removed contract %s in the lake", removed)
                        .isZero();
            }
        }
        assertThat(publishedProjects())
                .as("the removed contract left the published warehouse")
                .doesNotContain(removed)
                .isNotEmpty();
        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.map(Path::toString).filter(f -> f.endsWith(".lock.db")))
                    .as("closing the runtime closes its embedded databases, so the home can be removed")
                    .isEmpty();
        }
    }

    /** Removes the last row of the district's ledger workbook and returns that row's 项目编号. */
    private static String removeLastLedgerRow(Path procurement) throws Exception {
        Path ledger;
        try (Stream<Path> files = Files.walk(procurement)) {
            ledger = files.filter(f -> f.toString().endsWith(".xlsx"))
                    .findFirst()
                    .orElseThrow();
        }
        String projectNo = null;
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(ledger))) {
            Sheet sheet = book.getSheetAt(0);
            Row last = sheet.getRow(sheet.getLastRowNum());
            for (Cell cell : last) {
                String text = new DataFormatter().formatCellValue(cell);
                if (text.matches("[A-Z]+-\\d{4}-\\d+")) {
                    projectNo = text;
                }
            }
            sheet.removeRow(last);
            try (var out = Files.newOutputStream(ledger)) {
                book.write(out);
            }
        }
        assertThat(projectNo).as("the ledger's last row names its project").isNotNull();
        return projectNo;
    }

    private List<String> publishedProjects() throws Exception {
        List<String> projects = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection(
                        "jdbc:duckdb:" + new WarehousePublisher(home).current().orElseThrow(), readOnly());
                Statement sql = duckdb.createStatement();
                ResultSet rows = sql.executeQuery("SELECT DISTINCT project_no FROM fct_service_contracts")) {
            while (rows.next()) {
                projects.add(rows.getString(1));
            }
        }
        return projects;
    }

    private static Properties readOnly() {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return properties;
    }

    private static void assertManifestAgreesWithSummary(PipelineRuntime runtime, String runId, JsonNode summary)
            throws Exception {
        Map<String, long[]> manifest = new HashMap<>();
        try (Connection c = runtime.dataSource().getConnection();
                var statement = c.prepareStatement("""
                     SELECT source, location, rows_read, rows_staged, rows_quarantined
                     FROM shequ_landing_manifest WHERE run_id = ?""")) {
            statement.setString(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    manifest.put(
                            rs.getString(1) + "|" + rs.getString(2),
                            new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
        }
        int compared = 0;
        for (JsonNode source : summary.path("sources")) {
            long[] row = manifest.get(source.path("source").asText() + "|"
                    + source.path("location").asText());
            assertThat(row)
                    .as("manifest row for %s", source.path("location").asText())
                    .isNotNull();
            assertThat(row)
                    .containsExactly(
                            source.path("rowsRead").asLong(),
                            source.path("rowsStaged").asLong(),
                            source.path("rowsQuarantined").asLong());
            assertThat(row[0]).isEqualTo(row[1] + row[2]);
            compared++;
        }
        assertThat(compared).isGreaterThan(10);
    }
}
