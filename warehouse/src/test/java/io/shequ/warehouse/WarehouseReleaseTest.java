package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import io.shequ.schemas.quality.InputQuality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write-audit-publish: only an audited snapshot becomes current; rollback walks back through the kept ones. */
class WarehouseReleaseTest {

    @TempDir
    Path home;

    private WarehouseRelease release(int keep) {
        return new WarehouseRelease(home, new WarehouseBuilder(), new WarehouseAudits(0.5), keep);
    }

    private LakeSnapshot withTwoEvents(LakeSnapshot lake) throws Exception {
        List<LakeTable> tables = new ArrayList<>(lake.tables());
        String twoEvents = String.join(
                        "\n",
                        TestLake.fixture("fct_grid_events").lines().limit(3).toList()) + "\n";
        tables.set(
                WarehouseBuilderTest.indexOf(tables, "fct_grid_events"),
                TestLake.table(
                        "fct_grid_events",
                        77,
                        new TestLake(home.resolve("lake-2")).parquet("fct_grid_events", twoEvents)));
        return TestLake.snapshot(tables);
    }

    @Test
    void aFailedAuditDiscardsTheNewSnapshotAndLeavesThePreviousCurrent() throws Exception {
        LakeSnapshot lake = new TestLake(home.resolve("lake")).standard();
        WarehouseRelease.Published first = release(5).release("run-1", lake);
        WarehousePublisher publisher = new WarehousePublisher(home);
        assertThat(publisher.current()).contains(first.snapshot().toRealPath());
        assertThat(first.audits()).as("audits recorded").isNotEmpty().allMatch(AuditOutcome::passed);

        assertThatThrownBy(() -> release(5).release("run-2", withTwoEvents(lake)))
                .isInstanceOf(PublishBlockedException.class)
                .hasMessageContaining("row_drop:fct_grid_events")
                .satisfies(e -> assertThat(((PublishBlockedException) e).outcomes())
                        .as("the passed audits are reported too")
                        .anyMatch(AuditOutcome::passed));

        assertThat(publisher.current())
                .as("run-1 stays current")
                .contains(first.snapshot().toRealPath());
        assertThat(publisher.newSnapshotPath("run-2"))
                .as("the failed snapshot is discarded")
                .doesNotExist();
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            assertThat(reader.query("SELECT count(*) FROM fct_grid_events")
                            .get(0)
                            .get(0))
                    .isEqualTo(7L);
        }
    }

    private static InputQuality quality(Set<String> read, long officeRows, long ledgerRows) {
        List<InputQuality.Quarantined> rows = new ArrayList<>();
        if (read.contains("street_office_reports")) {
            rows.add(new InputQuality.Quarantined("street_office_reports", "东关街道", "negative_value", officeRows, 0));
        }
        if (read.contains("procurement_ledgers")) {
            rows.add(new InputQuality.Quarantined("procurement_ledgers", "", "unknown_category", ledgerRows, 1));
        }
        return new InputQuality(
                read,
                rows,
                List.of(new InputQuality.NameResolution("street_office_reports", 9, 8, 1, 0)),
                List.of(new InputQuality.Finding("header_variant", "street_office_reports", "东关街道", 2)),
                List.of(new InputQuality.LatePartition(
                        "street_office_reports",
                        "370102011000/2023-04",
                        "missing",
                        LocalDate.of(2023, 4, 1),
                        LocalDate.of(2023, 4, 30),
                        LocalDate.of(2023, 5, 10))));
    }

    private List<List<Object>> quarantined() {
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            return reader.query("SELECT source, office, rule, rows_quarantined, files_quarantined FROM dq_quarantined"
                    + " ORDER BY source");
        }
    }

    @Test
    void theInputsQualityIsPublishedWithTheSnapshotAndCarriedOverForSourcesNotRead() throws Exception {
        LakeSnapshot lake = new TestLake(home.resolve("lake")).standard();
        Set<String> both = Set.of("street_office_reports", "procurement_ledgers");
        WarehouseRelease.Published first = release(5).release("run-1", lake, quality(both, 3, 4));
        assertThat(first.rebuilt()).isTrue();
        assertThat(quarantined())
                .containsExactly(
                        List.of("procurement_ledgers", "", "unknown_category", 4L, 1L),
                        List.of("street_office_reports", "东关街道", "negative_value", 3L, 0L));
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            assertThat(reader.query("SELECT partition_key, state, due FROM dq_partitions"))
                    .containsExactly(List.of("370102011000/2023-04", "missing", LocalDate.of(2023, 5, 10)));
            assertThat(reader.query("SELECT names, resolved, ambiguous, unknown FROM dq_name_resolution"))
                    .containsExactly(List.of(9L, 8L, 1L, 0L));
        }

        WarehouseRelease.Published again = release(5).release("run-2", lake, quality(both, 3, 4));
        assertThat(again.rebuilt()).as("same lake, same quality rows: kept").isFalse();
        assertThat(again.snapshot()).isEqualTo(first.snapshot());

        Set<String> offices = Set.of("street_office_reports");
        WarehouseRelease.Published scoped = release(5).release("run-3", lake, quality(offices, 3, 99));
        assertThat(scoped.rebuilt())
                .as("only the offices read, their rows the same: kept")
                .isFalse();

        WarehouseRelease.Published changed = release(5).release("run-4", lake, quality(offices, 1, 99));
        assertThat(changed.rebuilt())
                .as("fewer rows quarantined: a new snapshot (and no row-drop audit on it)")
                .isTrue();
        assertThat(changed.audits()).allMatch(AuditOutcome::passed);
        assertThat(quarantined())
                .as("the ledgers' rows carried over from run-1's snapshot")
                .containsExactly(
                        List.of("procurement_ledgers", "", "unknown_category", 4L, 1L),
                        List.of("street_office_reports", "东关街道", "negative_value", 1L, 0L));
    }

    @Test
    void aFailedModelTestAlsoBlocksPublishing() throws Exception {
        LakeSnapshot lake = new TestLake(home.resolve("lake")).standard();
        Path first = release(5).release("run-1", lake).snapshot();
        List<LakeTable> tables = new ArrayList<>(lake.tables());
        String csv = TestLake.fixture("fct_grid_events");
        tables.set(
                WarehouseBuilderTest.indexOf(tables, "fct_grid_events"),
                TestLake.table(
                        "fct_grid_events",
                        78,
                        new TestLake(home.resolve("lake-3"))
                                .parquet(
                                        "fct_grid_events",
                                        csv.stripTrailing() + "\n"
                                                + csv.lines()
                                                        .skip(1)
                                                        .findFirst()
                                                        .orElseThrow() + "\n")));

        assertThatThrownBy(() -> release(5).release("run-2", TestLake.snapshot(tables)))
                .isInstanceOf(ModelTestException.class);
        assertThat(new WarehousePublisher(home).current()).contains(first.toRealPath());
    }

    @Test
    void rollbackGoesBackOneSnapshotAtATimeAndStopsAtTheOldest() throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(home);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path file = Files.writeString(publisher.newSnapshotPath("run-" + i), "snapshot " + i);
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-01-0" + i + "T00:00:00Z")));
            files.add(file.toRealPath());
            publisher.publish(file);
        }
        assertThat(publisher.snapshots()).as("newest first").containsExactly(files.get(2), files.get(1), files.get(0));

        assertThat(publisher.rollback()).isEqualTo(files.get(1));
        assertThat(publisher.current()).contains(files.get(1));
        assertThat(publisher.rollback())
                .as("a second rollback goes one further back")
                .isEqualTo(files.get(0));
        assertThat(publisher.current()).contains(files.get(0));
        assertThatThrownBy(publisher::rollback)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing to roll back to");
        assertThat(publisher.current()).as("a refused rollback changes nothing").contains(files.get(0));
        try (var entries = Files.list(publisher.folder())) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .as("the switch leaves no temporary link")
                    .containsExactlyInAnyOrder("current.duckdb", "snapshots");
        }
    }

    @Test
    void rollbackBeforeAnyPublishIsRefused() {
        assertThatThrownBy(new WarehousePublisher(home)::rollback)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing is published");
    }
}
