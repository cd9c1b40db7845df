package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The lake's guarantees, checked on a home after real pipeline runs: facts reconcile with the
 * staged rows, two runs on the same sources leave identical lake tables, and no ID number or
 * mobile number reaches the lake or the warehouse.
 */
final class LakeGuarantees {

    private LakeGuarantees() {
    }

    /** Contract amounts to the cent, event counts and report counts of {@code runId}'s facts against its staged rows. */
    static void assertFactsReconcile(Path home, String runId) throws Exception {
        try (FactReconciliation r = new FactReconciliation(home, runId)) {
            assertThat(r.stagedEffectiveContracts()).as("contracts: some staged").isPositive();
            assertThat(r.factContracts()).as("every effective staged contract has facts, no other")
                    .isEqualTo(r.stagedEffectiveContracts());
            assertThat(r.allocatedAmount()).as("sum of allocations = sum of effective staged amounts, to the cent")
                    .isEqualByComparingTo(r.stagedEffectiveAmount());
            assertThat(r.contractsWithSharesOff()).as("each contract's shares add up to its amount").isZero();

            assertThat(r.mergedEvents()).as("events: some merged").isPositive();
            assertThat(r.factRows("fct_grid_events")).as("one fact row per event").isEqualTo(r.factEvents());
            assertThat(r.factEvents() + r.conformQuarantined("conform_grid_events"))
                    .as("event facts + events quarantined at conform = merged staged events").isEqualTo(r.mergedEvents());

            assertThat(r.stagedLatestReports()).as("reports: some staged").isPositive();
            assertThat(r.factRows("fct_community_reports"))
                    .as("report facts = latest staged rows per community and period").isEqualTo(r.stagedLatestReports());
        }
    }

    /** Every lake table the two runs committed holds the same rows, order aside. */
    static void assertSameLakeContents(Path home, String firstRun, String secondRun) throws Exception {
        Map<String, List<String>> first = LakeContents.of(home, firstRun);
        Map<String, List<String>> second = LakeContents.of(home, secondRun);
        assertThat(first).as("the first run committed every lake table")
                .containsKeys("dim_division", "fct_community_reports", "fct_grid_events", "fct_service_contracts");
        assertThat(second.keySet()).as("both runs committed the same tables").isEqualTo(first.keySet());
        for (String table : first.keySet()) {
            assertThat(first.get(table)).as("lake table %s has rows", table).isNotEmpty();
            assertThat(second.get(table)).as("lake table %s identical after a second run on the same sources", table)
                    .isEqualTo(first.get(table));
        }
    }

    /** No valid resident ID number and no mobile number in any file under lake/ and warehouse/. */
    static void assertNoPersonalData(Path home) throws Exception {
        PersonalDataScan scan = PersonalDataScan.of(home.resolve("lake"), home.resolve("warehouse"));
        assertThat(scan.filesRead()).as("files scanned").isGreaterThan(10);
        assertThat(scan.valuesRead()).as("values decoded and scanned").isGreaterThan(1000);
        assertThat(scan.findings()).as("personal identifiers under lake/ and warehouse/").isEmpty();
    }
}
