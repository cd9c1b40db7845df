package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.lake.LakeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run restarted after a kill in its publish step publishes as if it had not been killed. */
class WarehouseReleaseRestartTest {

    @TempDir
    Path home;

    private WarehouseRelease release() {
        return new WarehouseRelease(home, new WarehouseBuilder(), new WarehouseAudits(0.5), 5);
    }

    @Test
    void aHalfBuiltSnapshotLeftBeforeTheSwitchIsBuiltAgain() throws Exception {
        LakeSnapshot lake = new TestLake(home.resolve("lake")).standard();
        WarehousePublisher publisher = new WarehousePublisher(home);
        Path leftover = publisher.newSnapshotPath("run-1");
        Files.writeString(leftover, "not a DuckDB file: the build was killed");
        Files.writeString(leftover.resolveSibling("run-1.duckdb.wal"), "torn");

        WarehouseRelease.Published published = release().release("run-1", lake);

        assertThat(publisher.current())
                .as("the rebuilt snapshot is current")
                .contains(published.snapshot().toRealPath());
        assertThat(leftover.resolveSibling("run-1.duckdb.wal"))
                .as("the torn WAL went with it")
                .doesNotExist();
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            assertThat(reader.query("SELECT count(*) FROM fct_grid_events")
                            .get(0)
                            .get(0))
                    .isEqualTo(7L);
        }
    }

    @Test
    void aSnapshotAlreadyCurrentIsKeptWhenThePublishStepRunsAgain() throws Exception {
        LakeSnapshot lake = new TestLake(home.resolve("lake")).standard();
        WarehousePublisher publisher = new WarehousePublisher(home);
        Path first = release().release("run-1", lake).snapshot();
        var before = WarehouseContent.dump(first);
        long modified = Files.getLastModifiedTime(first).toMillis();

        WarehouseRelease.Published again = release().release("run-1", lake);

        assertThat(again.snapshot()).isEqualTo(first);
        assertThat(again.audits())
                .as("its audits are reported again")
                .isNotEmpty()
                .allMatch(AuditOutcome::passed);
        assertThat(publisher.current()).contains(first.toRealPath());
        assertThat(Files.getLastModifiedTime(first).toMillis())
                .as("the published file is not rebuilt")
                .isEqualTo(modified);
        assertThat(WarehouseContent.dump(first)).isEqualTo(before);
    }
}
