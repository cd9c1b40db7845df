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

class WarehousePublisherTest {

    @TempDir
    Path home;

    /** Snapshot A is the fixture lake; B adds a 2024 report in which 陡沟村 has 7 staff. */
    private Path[] buildAandB(WarehousePublisher publisher) throws Exception {
        TestLake testLake = new TestLake(home.resolve("lake"));
        LakeSnapshot a = testLake.standard();
        Path a2024 = testLake.parquet("fct_community_reports", """
                community_code,township_code,district_code,period,period_end,report_year,fulltime_staff
                370103100201,370103100000,370103000000,2024-06,2024-06-30,2024,7
                """);
        List<LakeTable> tables = new ArrayList<>(a.tables());
        int reports = WarehouseBuilderTest.indexOf(tables, "fct_community_reports");
        Path reportsOfA =
                Path.of(LakeLoader.localPath(tables.get(reports).dataFiles().get(0)));
        tables.set(reports, TestLake.table("fct_community_reports", 2002, reportsOfA, a2024));
        LakeSnapshot b = TestLake.snapshot(tables);
        Path fileA = new WarehouseBuilder().build(a, publisher.newSnapshotPath("run-a"));
        Path fileB = new WarehouseBuilder().build(b, publisher.newSnapshotPath("run-b"));
        Files.setLastModifiedTime(fileA, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        Files.setLastModifiedTime(fileB, FileTime.from(Instant.parse("2025-01-02T00:00:00Z")));
        return new Path[] {fileA, fileB};
    }

    private static double districtStaff2024(WarehouseReader reader) {
        return reader.indicators("district", 2024).stream()
                .filter(v -> v.indicator().equals("staff_avg"))
                .findFirst()
                .orElseThrow()
                .numerator();
    }

    @Test
    void readersKeepTheSnapshotTheyOpenedWhileANewOneIsPublished() throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(home);
        assertThat(publisher.current()).as("nothing published yet").isEmpty();
        Path[] files = buildAandB(publisher);

        publisher.publish(files[0]);
        assertThat(Files.readSymbolicLink(publisher.currentLink()))
                .as("relative, so the folder can move")
                .isEqualTo(Path.of("snapshots", "run-a.duckdb"));
        try (WarehouseReader old = WarehouseReader.open(home)) {
            assertThat(districtStaff2024(old)).as("A: 乐山's 11").isEqualTo(11.0);

            publisher.publish(files[1]);
            assertThat(publisher.current()).contains(files[1].toRealPath());
            assertThat(districtStaff2024(old))
                    .as("the old reader still reads A")
                    .isEqualTo(11.0);
            try (WarehouseReader fresh = WarehouseReader.open(home)) {
                assertThat(fresh.snapshot()).isEqualTo(files[1].toRealPath());
                assertThat(districtStaff2024(fresh)).as("B: 11 + 7").isEqualTo(18.0);
            }

            assertThat(publisher.retain(1)).as("A is old and no longer current").containsExactly(files[0]);
            assertThat(files[0]).doesNotExist();
            assertThat(files[1]).exists();
            assertThat(districtStaff2024(old))
                    .as("an open reader outlives the deletion of its file")
                    .isEqualTo(11.0);
        }
        try (var entries = Files.list(publisher.folder())) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .as("no temporary link left behind")
                    .containsExactlyInAnyOrder("current.duckdb", "snapshots");
        }
    }

    @Test
    void retainNeverDeletesTheCurrentSnapshot() throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(home);
        Path[] files = buildAandB(publisher);
        publisher.publish(files[0]);

        assertThat(publisher.retain(0)).as("B is not current, A is").containsExactly(files[1]);
        assertThat(files[0]).exists();
        assertThat(publisher.retain(0)).isEmpty();
        assertThat(publisher.current()).contains(files[0].toRealPath());
    }

    @Test
    void publishesOnlyItsOwnSnapshotFiles() throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(home);
        Path stranger = Files.writeString(home.resolve("other.duckdb"), "x");
        assertThatThrownBy(() -> publisher.publish(stranger)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> publisher.publish(publisher.newSnapshotPath("never-built")))
                .as("the snapshot must have been built")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> publisher.newSnapshotPath("../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThat(publisher.newSnapshotPath("2025-01-15T0200_run.7"))
                .isEqualTo(home.toAbsolutePath().resolve("warehouse/snapshots/2025-01-15T0200_run.7.duckdb"));
        assertThat(publisher.current()).isEmpty();
    }
}
