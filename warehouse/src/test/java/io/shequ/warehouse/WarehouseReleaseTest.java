package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        String twoEvents = String.join("\n", TestLake.fixture("fct_grid_events").lines().limit(3).toList()) + "\n";
        tables.set(WarehouseBuilderTest.indexOf(tables, "fct_grid_events"), TestLake.table("fct_grid_events", 77,
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
                        .as("the passed audits are reported too").anyMatch(AuditOutcome::passed));

        assertThat(publisher.current()).as("run-1 stays current").contains(first.snapshot().toRealPath());
        assertThat(publisher.newSnapshotPath("run-2")).as("the failed snapshot is discarded").doesNotExist();
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            assertThat(reader.query("SELECT count(*) FROM fct_grid_events").get(0).get(0)).isEqualTo(7L);
        }
    }

    @Test
    void aFailedModelTestAlsoBlocksPublishing() throws Exception {
        LakeSnapshot lake = new TestLake(home.resolve("lake")).standard();
        Path first = release(5).release("run-1", lake).snapshot();
        List<LakeTable> tables = new ArrayList<>(lake.tables());
        String csv = TestLake.fixture("fct_grid_events");
        tables.set(WarehouseBuilderTest.indexOf(tables, "fct_grid_events"), TestLake.table("fct_grid_events", 78,
                new TestLake(home.resolve("lake-3")).parquet("fct_grid_events",
                        csv.stripTrailing() + "\n" + csv.lines().skip(1).findFirst().orElseThrow() + "\n")));

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
        assertThat(publisher.snapshots()).as("newest first")
                .containsExactly(files.get(2), files.get(1), files.get(0));

        assertThat(publisher.rollback()).isEqualTo(files.get(1));
        assertThat(publisher.current()).contains(files.get(1));
        assertThat(publisher.rollback()).as("a second rollback goes one further back").isEqualTo(files.get(0));
        assertThat(publisher.current()).contains(files.get(0));
        assertThatThrownBy(publisher::rollback).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing to roll back to");
        assertThat(publisher.current()).as("a refused rollback changes nothing").contains(files.get(0));
        try (var entries = Files.list(publisher.folder())) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .as("the switch leaves no temporary link").containsExactlyInAnyOrder("current.duckdb", "snapshots");
        }
    }

    @Test
    void rollbackBeforeAnyPublishIsRefused() {
        assertThatThrownBy(new WarehousePublisher(home)::rollback).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing is published");
    }
}
