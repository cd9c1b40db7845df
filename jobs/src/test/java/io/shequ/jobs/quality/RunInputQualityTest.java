package io.shequ.jobs.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.partition.Freshness;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.LedgerFixture;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunLedger;
import io.shequ.schemas.quality.InputQuality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunInputQualityTest {

    @TempDir
    Path home;

    @Test
    void theOfficeIsTheFolderHoldingTheFile() {
        assertThat(RunInputQuality.office("370102/东关街道/2023-06.csv")).isEqualTo("东关街道");
        assertThat(RunInputQuality.office("东关街道/2023-06.csv")).isEqualTo("东关街道");
        assertThat(RunInputQuality.office("a\\b\\东关街道\\月报.xlsx")).isEqualTo("东关街道");
        assertThat(RunInputQuality.office("event_flow")).isEmpty();
        assertThat(RunInputQuality.office(null)).isEmpty();
    }

    @Test
    void everyQuarantinedRowAndWholeFileIsCountedByOfficeAndRuleTheFileNotAsARow() throws Exception {
        HomeLayout layout = new HomeLayout(home);
        String run = "run-1";
        RunLedger ledger = new RunLedger(layout, run);
        LedgerFixture.put(
                ledger, LedgerSection.LANDED, Map.of("street_office_reports", List.of(), "grid_system", List.of()));
        LedgerFixture.put(
                ledger,
                LedgerSection.FILES_QUARANTINED_WHOLE,
                List.of(
                        Map.of(
                                "source",
                                "street_office_reports",
                                "location",
                                "370102/建新街道/2023-02.xlsx",
                                "rule",
                                "empty_file",
                                "reason",
                                "the file holds no rows"),
                        Map.of(
                                "source",
                                "street_office_reports",
                                "location",
                                "370102/无名街道/2023-02.csv",
                                "rule",
                                "unknown_street_office",
                                "reason",
                                "no such office")));
        LedgerFixture.put(
                ledger,
                LedgerSection.SOURCES,
                List.of(
                        Map.of(
                                "source",
                                "street_office_reports",
                                "location",
                                "370102/建新街道/2023-02.xlsx",
                                "rowsRead",
                                0,
                                "rowsStaged",
                                0,
                                "rowsQuarantined",
                                0),
                        Map.of(
                                "source",
                                "street_office_reports",
                                "location",
                                "370102/无名街道/2023-02.csv",
                                "rowsRead",
                                2,
                                "rowsStaged",
                                0,
                                "rowsQuarantined",
                                2)));
        LedgerFixture.put(
                ledger,
                LedgerSection.CONFORM,
                Map.of(
                        "resolution",
                        Map.of(
                                "street_office_reports",
                                Map.of("names", 100, "exact", 90, "ambiguous", 3, "unknown", 2))));
        LedgerFixture.put(
                ledger,
                LedgerSection.SOURCE_FINDINGS,
                List.of(
                        Map.of(
                                "kind",
                                "unmapped_value",
                                "source",
                                "procurement_ledgers",
                                "location",
                                "370102/2023.csv"),
                        Map.of(
                                "kind",
                                "unmapped_value",
                                "source",
                                "procurement_ledgers",
                                "location",
                                "370102/2023.csv"),
                        Map.of(
                                "kind",
                                "header_variant",
                                "source",
                                "street_office_reports",
                                "office",
                                "东关街道",
                                "location",
                                "370102/东关街道/x.csv")));
        Path reports = Files.createDirectories(layout.quarantine(run).resolve("community_reports"));
        Files.writeString(
                reports.resolve("part-00000-a.json"),
                String.join(
                        "\n",
                        "{\"source\":\"street_office_reports\",\"location\":\"370102/东关街道/2023-06.csv\",\"rule\":\"negative_value\"}",
                        "{\"source\":\"street_office_reports\",\"location\":\"370102/东关街道/2023-07.csv\",\"rule\":\"negative_value\"}",
                        "",
                        "{\"source\":\"street_office_reports\",\"location\":\"370102/东关街道/2023-07.csv\",\"rule\":\"bad_date\"}",
                        "{\"source\":\"street_office_reports\",\"location\":\"370102/建新街道/2023-02.xlsx\",\"rule\":\"empty_file\"}",
                        "{\"source\":\"street_office_reports\",\"location\":\"370102/无名街道/2023-02.csv\",\"rule\":\"unknown_street_office\"}",
                        "{\"source\":\"street_office_reports\",\"location\":\"370102/无名街道/2023-02.csv\",\"rule\":\"unknown_street_office\"}"));
        Files.writeString(reports.resolve(".part-00000-a.json.crc"), "not rows");
        Path grid = Files.createDirectories(layout.quarantine(run).resolve("grid_system_event_flow"));
        Files.writeString(
                grid.resolve("part-00000-b.json"),
                "{\"source\":\"grid_system\",\"location\":\"event_flow\",\"rule\":\"duplicate_row\"}\n");
        Freshness.Report partitions = new Freshness.Report(
                List.of(),
                List.of(new Freshness.Finding(
                        "street_office_reports",
                        "370102011000/2023-04",
                        LocalDate.of(2023, 4, 1),
                        LocalDate.of(2023, 4, 30),
                        LocalDate.of(2023, 5, 10),
                        (Instant) null)));

        InputQuality quality = RunInputQuality.of(layout, run, partitions, Set.of());

        assertThat(quality.sourcesRead()).containsExactlyInAnyOrder("street_office_reports", "grid_system");
        assertThat(quality.quarantined())
                .containsExactly(
                        new InputQuality.Quarantined("grid_system", "", "duplicate_row", 1, 0),
                        new InputQuality.Quarantined("street_office_reports", "东关街道", "bad_date", 1, 0),
                        new InputQuality.Quarantined("street_office_reports", "东关街道", "negative_value", 2, 0),
                        new InputQuality.Quarantined("street_office_reports", "建新街道", "empty_file", 0, 1),
                        new InputQuality.Quarantined("street_office_reports", "无名街道", "unknown_street_office", 2, 1));
        assertThat(quality.resolution())
                .containsExactly(new InputQuality.NameResolution("street_office_reports", 100, 95, 3, 2));
        assertThat(quality.findings())
                .containsExactly(
                        new InputQuality.Finding("header_variant", "street_office_reports", "东关街道", 1),
                        new InputQuality.Finding("unmapped_value", "procurement_ledgers", "370102", 2));
        assertThat(quality.partitions())
                .containsExactly(new InputQuality.LatePartition(
                        "street_office_reports",
                        "370102011000/2023-04",
                        "missing",
                        LocalDate.of(2023, 4, 1),
                        LocalDate.of(2023, 4, 30),
                        LocalDate.of(2023, 5, 10)));
    }
}
