package io.shequ.orchestration.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.schemas.lake.LakeSnapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Totals of one run's lake facts against the staged rows they came from, computed here in DuckDB
 * SQL from the staged Parquet, the merged grid state and the conform quarantine, not through the
 * pipeline's own code.
 */
final class FactReconciliation implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final String runId;
    private final LakeSnapshot lake;
    private final Connection duckdb;

    FactReconciliation(Path home, String runId) throws SQLException {
        this.home = home;
        this.runId = runId;
        this.lake = LakeSnapshot.read(home.resolve("runs").resolve(runId).resolve("lake-snapshot.json"));
        this.duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** Staged contract amounts: the latest row per 项目编号 (amendments replace), minus those conform quarantined. */
    BigDecimal stagedEffectiveAmount() throws Exception {
        return decimal("SELECT sum(contract_amount) FROM (" + effectiveContracts() + ")");
    }

    long stagedEffectiveContracts() throws Exception {
        return number("SELECT count(*) FROM (" + effectiveContracts() + ")");
    }

    BigDecimal allocatedAmount() throws SQLException {
        return decimal("SELECT sum(allocated_amount_yuan) FROM " + fact("fct_service_contracts"));
    }

    long factContracts() throws SQLException {
        return number("SELECT count(DISTINCT project_no) FROM " + fact("fct_service_contracts"));
    }

    /** Contracts whose shares do not add up to their own amount, to the cent. */
    long contractsWithSharesOff() throws SQLException {
        return number("SELECT count(*) FROM (SELECT project_no, any_value(contract_amount_yuan) AS amount, "
                + "sum(allocated_amount_yuan) AS shares FROM " + fact("fct_service_contracts")
                + " GROUP BY project_no) WHERE amount <> shares");
    }

    /** Events in the merged grid state of the run (the increment merged into what came before). */
    long mergedEvents() throws SQLException, IOException {
        return number("SELECT count(DISTINCT event_id) FROM read_parquet('"
                + mergedState().resolve("event") + "/*.parquet')");
    }

    /** The run's merged grid state: the one it wrote, or the current one when its increment changed nothing. */
    private Path mergedState() throws IOException {
        Path mirror = home.resolve("state/grid-mirror");
        return Files.isDirectory(mirror.resolve(runId))
                ? mirror.resolve(runId)
                : mirror.resolve(Files.readString(mirror.resolve("CURRENT")).strip());
    }

    long factEvents() throws SQLException {
        return number("SELECT count(DISTINCT event_id) FROM " + fact("fct_grid_events"));
    }

    long factRows(String table) throws SQLException {
        return number("SELECT count(*) FROM " + fact(table));
    }

    long conformQuarantined(String dataset) throws IOException {
        return quarantined(dataset).size();
    }

    /**
     * Staged report rows that should become facts: the rows of the latest file per street office
     * and period, one per community name, minus the rows conform could not resolve.
     */
    long stagedLatestReports() throws Exception {
        String rejected = quarantined("conform_community_reports").stream()
                .map(q -> "'"
                        + (q.path("location").asText() + "#" + q.path("line").asText()).replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        String staged =
                "read_parquet('" + home.resolve("staging").resolve(runId).resolve("community_reports") + "/*.parquet')";
        String latest = "SELECT * FROM " + staged + " QUALIFY dense_rank() OVER (PARTITION BY street_hint, period "
                + "ORDER BY arrived_millis DESC, modified_millis DESC, source_file DESC) = 1";
        String resolved = rejected.isEmpty()
                ? latest
                : "SELECT * FROM (" + latest + ") WHERE source_file || '#' || source_line NOT IN (" + rejected + ")";
        return number("SELECT count(*) FROM (SELECT DISTINCT source_file, community_name_normalized FROM (" + resolved
                + "))");
    }

    private String effectiveContracts() throws IOException {
        String staged =
                "read_parquet('" + home.resolve("staging").resolve(runId).resolve("service_contracts") + "/*.parquet')";
        String latest = "SELECT project_no, contract_amount FROM " + staged
                + " QUALIFY row_number() OVER (PARTITION BY project_no "
                + "ORDER BY arrived_millis DESC, modified_millis DESC, source_file DESC, source_line DESC) = 1";
        List<String> rejected = new ArrayList<>();
        for (JsonNode q : quarantined("conform_service_contracts")) {
            rejected.add("'"
                    + JSON.readTree(q.path("raw").asText())
                            .path("project_no")
                            .asText()
                            .replace("'", "''") + "'");
        }
        return rejected.isEmpty()
                ? latest
                : "SELECT * FROM (" + latest + ") WHERE project_no NOT IN (" + String.join(", ", rejected) + ")";
    }

    private List<JsonNode> quarantined(String dataset) throws IOException {
        Path folder = home.resolve("quarantine").resolve(runId).resolve(dataset);
        List<JsonNode> rows = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return rows;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        rows.add(JSON.readTree(line));
                    }
                }
            }
        }
        return rows;
    }

    private String fact(String table) {
        List<String> files = lake.table(table)
                .orElseThrow(() -> new IllegalStateException("no " + table + " in the lake"))
                .dataFiles();
        return "read_parquet("
                + files.stream()
                        .map(f -> "'" + f.replaceFirst("^file:", "").replace("'", "''") + "'")
                        .collect(Collectors.joining(", ", "[", "]"))
                + ", hive_partitioning = false, union_by_name = true)";
    }

    private long number(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private BigDecimal decimal(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBigDecimal(1);
        }
    }

    @Override
    public void close() throws SQLException {
        duckdb.close();
    }
}
