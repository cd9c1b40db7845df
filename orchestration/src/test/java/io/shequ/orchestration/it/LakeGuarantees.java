package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lake's guarantees, checked on a home after real pipeline runs: facts reconcile with the
 * staged rows, two runs on the same sources leave identical lake tables, no ID number or
 * mobile number reaches the lake or the warehouse, and the grid mirror, kept for good, holds the
 * reporters' pseudonyms only.
 */
final class LakeGuarantees {

    private LakeGuarantees() {}

    /** Contract amounts to the cent, event counts and report counts of {@code runId}'s facts against its staged rows. */
    static void assertFactsReconcile(Path home, String runId) throws Exception {
        try (FactReconciliation r = new FactReconciliation(home, runId)) {
            assertThat(r.stagedEffectiveContracts())
                    .as("contracts: some staged")
                    .isPositive();
            assertThat(r.factContracts())
                    .as("every effective staged contract has facts, no other")
                    .isEqualTo(r.stagedEffectiveContracts());
            assertThat(r.allocatedAmount())
                    .as("sum of allocations = sum of effective staged amounts, to the cent")
                    .isEqualByComparingTo(r.stagedEffectiveAmount());
            assertThat(r.contractsWithSharesOff())
                    .as("each contract's shares add up to its amount")
                    .isZero();

            assertThat(r.mergedEvents()).as("events: some merged").isPositive();
            assertThat(r.factRows("fct_grid_events"))
                    .as("one fact row per event")
                    .isEqualTo(r.factEvents());
            assertThat(r.factEvents() + r.conformQuarantined("conform_grid_events"))
                    .as("event facts + events quarantined at conform = merged staged events")
                    .isEqualTo(r.mergedEvents());

            assertThat(r.stagedLatestReports()).as("reports: some staged").isPositive();
            assertThat(r.factRows("fct_community_reports"))
                    .as("report facts = latest staged rows per community and period")
                    .isEqualTo(r.stagedLatestReports());
        }
    }

    /** Every lake table the two runs committed holds the same rows, order aside. */
    static void assertSameLakeContents(Path home, String firstRun, String secondRun) throws Exception {
        Map<String, List<String>> first = LakeContents.of(home, firstRun);
        Map<String, List<String>> second = LakeContents.of(home, secondRun);
        assertThat(first)
                .as("the first run committed every lake table")
                .containsKeys("dim_division", "fct_community_reports", "fct_grid_events", "fct_service_contracts");
        assertThat(second.keySet()).as("both runs committed the same tables").isEqualTo(first.keySet());
        for (String table : first.keySet()) {
            assertThat(first.get(table)).as("lake table %s has rows", table).isNotEmpty();
            assertThat(second.get(table))
                    .as("lake table %s identical after a second run on the same sources", table)
                    .isEqualTo(first.get(table));
        }
    }

    /** No valid resident ID number and no mobile number in any file under lake/ and warehouse/. */
    static void assertNoPersonalData(Path home) throws Exception {
        PersonalDataScan scan = PersonalDataScan.of(home.resolve("lake"), home.resolve("warehouse"));
        assertThat(scan.filesRead()).as("files scanned").isGreaterThan(10);
        assertThat(scan.valuesRead()).as("values decoded and scanned").isGreaterThan(1000);
        assertThat(scan.findings())
                .as("personal identifiers under lake/ and warehouse/")
                .isEmpty();
    }

    /**
     * {@code state/grid-mirror} (every run folder): no valid resident ID number and no mobile number
     * in any file, no event value that is one of the reporters' names, no clear reporter column; the
     * pseudonym, age band and sex the facts are built from are there.
     */
    static void assertMirrorHoldsNoPersonalData(Path home, Collection<String> reporterNames) throws Exception {
        Path mirror = home.resolve("state/grid-mirror");
        PersonalDataScan scan = PersonalDataScan.of(mirror);
        assertThat(scan.valuesRead()).as("mirror values decoded and scanned").isGreaterThan(1000);
        assertThat(scan.findings())
                .as("ID numbers and mobile numbers under state/grid-mirror")
                .isEmpty();
        assertThat(reporterNames).as("reporter names in the grid system").hasSizeGreaterThan(10);
        String events = "read_parquet('" + mirror + "/*/event/*.parquet', union_by_name = true)";
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            List<String> columns = new ArrayList<>();
            List<String> text = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + events)) {
                while (rs.next()) {
                    columns.add(rs.getString("column_name"));
                    if (rs.getString("column_type").equals("VARCHAR")) {
                        text.add('"' + rs.getString("column_name") + '"');
                    }
                }
            }
            assertThat(columns)
                    .as("the mirror's event columns")
                    .contains("reporter_key", "reporter_age_band", "reporter_sex")
                    .doesNotContain("reporter_name", "reporter_phone", "reporter_id_no");
            sql.execute("CREATE TABLE reporter_names(name VARCHAR)");
            try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO reporter_names VALUES (?)")) {
                for (String name : reporterNames) {
                    insert.setString(1, name);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + events + " WHERE "
                    + text.stream()
                            .map(c -> "trim(" + c + ") IN (SELECT name FROM reporter_names)")
                            .collect(Collectors.joining(" OR ")))) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("mirror events with a reporter's name as a value")
                        .isZero();
            }
        }
    }

    /** The reporters' names the grid system holds. */
    static List<String> reporterNames(String gridUrl, String user, String password) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection grid = DriverManager.getConnection(gridUrl, user, password);
                Statement s = grid.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT DISTINCT reporter_name FROM event WHERE reporter_name IS NOT NULL")) {
            while (rs.next()) {
                names.add(rs.getString(1).strip());
            }
        }
        return names;
    }
}
