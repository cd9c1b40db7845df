package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseBuilderTest {

    @TempDir
    Path dir;

    @Test
    void twoBuildsFromTheSameLakeSnapshotHaveTheSameContent() throws Exception {
        LakeSnapshot lake = new TestLake(dir.resolve("lake")).standard();
        Path first = new WarehouseBuilder().build(lake, dir.resolve("a.duckdb"));
        Path second = new WarehouseBuilder(new DuckDbResources(1, 512L << 20, dir.resolve("spill"), 1L << 30))
                .build(lake, dir.resolve("b.duckdb"));

        Map<String, List<List<Object>>> content = WarehouseContent.dump(first);
        assertThat(content.keySet())
                .as("lake tables and models, not the provenance table")
                .contains(
                        "dim_division",
                        "fct_community_reports",
                        "fct_grid_events",
                        "fct_service_contracts",
                        "int_division_scope",
                        "mart_indicators")
                .doesNotContain("meta_snapshot");
        assertThat(content.keySet())
                .as("every table in the main schema: each lake table is published once, under its own name")
                .noneMatch(name -> name.contains("."));
        assertThat(content.get("fct_grid_events")).hasSize(7);
        assertThat(WarehouseContent.dump(second))
                .as("same lake, other thread count: same warehouse")
                .isEqualTo(content);
        assertThat(dir.resolve("a.duckdb.wal"))
                .as("checkpointed, no write-ahead log left")
                .doesNotExist();
    }

    @Test
    void aPlainBuildHoldsTheSameTablesUntestedAndUndocumented() throws Exception {
        LakeSnapshot lake = new TestLake(dir.resolve("lake")).standard();
        Path built = new WarehouseBuilder().build(lake, dir.resolve("built.duckdb"));
        Path plain = new WarehouseBuilder().buildPlain(lake, dir.resolve("plain.duckdb"));

        Map<String, List<List<Object>>> expected = new TreeMap<>(WarehouseContent.dump(built));
        expected.keySet().removeIf(table -> table.startsWith("dq_"));
        assertThat(WarehouseContent.dump(plain))
                .as("every lake table and model with the same rows; no input-quality tables")
                .isEqualTo(expected);
        try (Connection connection = WarehouseReader.openSandboxed(plain);
                var statement = connection.createStatement()) {
            assertThat(WarehouseContent.rows(
                            statement.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE comment IS NOT NULL")))
                    .as("no comments")
                    .containsExactly(List.of(0L));
        }
    }

    @Test
    void aReaderSeesOneDimDivisionWithTheLakeTablesRowsAndComments() throws Exception {
        LakeSnapshot lake = new TestLake(dir.resolve("lake")).standard();
        Path file = new WarehouseBuilder().build(lake, dir.resolve("w.duckdb"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file + ";duckdb.read_only=true");
                var statement = connection.createStatement()) {
            List<List<Object>> named = WarehouseContent.rows(
                    statement.executeQuery(
                            "SELECT schema_name, table_name FROM duckdb_tables() WHERE table_name = 'dim_division'"
                                    + " UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE view_name = 'dim_division'"));
            assertThat(named).as("one dim_division, in main").containsExactly(List.of("main", "dim_division"));
            assertThat(WarehouseContent.rows(
                            statement.executeQuery("SELECT DISTINCT schema_name FROM duckdb_tables() ORDER BY 1")))
                    .as("no second schema of lake tables as loaded")
                    .containsExactly(List.of("main"));
            assertThat(WarehouseContent.rows(statement.executeQuery("SELECT count(*) FROM dim_division")))
                    .as("the lake's 14 division rows")
                    .containsExactly(List.of(14L));
            assertThat(WarehouseContent.rows(statement.executeQuery(
                            "SELECT comment FROM duckdb_tables() WHERE table_name = 'dim_division'")))
                    .as("documented from models/lake/dim_division.yml")
                    .singleElement()
                    .satisfies(row -> assertThat((String) row.get(0)).contains("区划维度"));
        }
    }

    @Test
    void aLakeTableWithoutDdlIsPublishedOnceWithItsFilesColumnsAndOneNamedLikeAModelFailsTheBuild() throws Exception {
        Path parquet = Files.createDirectories(dir.resolve("extra")).resolve("part-1.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                var statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES ('A', 1), ('B', 2)) AS t(code, n)) TO '" + parquet
                    + "' (FORMAT parquet)");
        }
        List<LakeTable> tables =
                new ArrayList<>(new TestLake(dir.resolve("lake")).standard().tables());
        tables.add(TestLake.table("dim_extra", 5, parquet));
        Path file = new WarehouseBuilder().build(TestLake.snapshot(tables), dir.resolve("w.duckdb"));
        Map<String, List<List<Object>>> content = WarehouseContent.dump(file);
        assertThat(content.get("dim_extra"))
                .as("its files' columns and rows, in main")
                .containsExactly(List.of("A", 1), List.of("B", 2));
        assertThat(content.keySet()).noneMatch(name -> name.contains("."));

        List<LakeTable> clashing = new ArrayList<>(tables);
        clashing.set(clashing.size() - 1, TestLake.table("mart_indicators", 5, parquet));
        Path target = dir.resolve("clash.duckdb");
        assertThatThrownBy(() -> new WarehouseBuilder().build(TestLake.snapshot(clashing), target))
                .as("a lake table may not take a model's name")
                .hasMessageContaining("two models named mart_indicators")
                .hasMessageContaining("the other the lake table");
        assertThat(target).doesNotExist();
    }

    @Test
    void recordsTheLakeSnapshotItWasBuiltFrom() throws Exception {
        LakeSnapshot lake = new TestLake(dir.resolve("lake")).standard();
        Path file = new WarehouseBuilder().build(lake, dir.resolve("w.duckdb"));
        try (Connection connection = WarehouseReader.openSandboxed(file);
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT lake_catalog, lake_namespace, epoch(committed_at)::BIGINT,"
                        + " table_name, iceberg_snapshot_id, row_count FROM meta_snapshot ORDER BY table_name")) {
            List<List<Object>> meta = WarehouseContent.rows(rows);
            assertThat(meta).as("one row per lake table").hasSize(lake.tables().size());
            assertThat(meta.get(0))
                    .containsExactly(
                            "shequ", "lake", TestLake.COMMITTED_AT.getEpochSecond(), "dim_division", 1001L, 14L);
        }
    }

    @Test
    void aTableWithoutDataFilesIsCreatedEmptyWithItsColumns() throws Exception {
        TestLake testLake = new TestLake(dir.resolve("lake"));
        List<LakeTable> tables = new ArrayList<>();
        for (String table : List.of("dim_division", "fct_community_reports", "fct_service_contracts")) {
            tables.add(TestLake.table(table, 1, testLake.parquet(table, TestLake.fixture(table))));
        }
        tables.add(new LakeTable("fct_grid_events", 7, 0, List.of()));
        Path file = new WarehouseBuilder().build(TestLake.snapshot(tables), dir.resolve("w.duckdb"));

        try (WarehouseReaderFixture reader = new WarehouseReaderFixture(file)) {
            long ddlColumns = ClasspathText.read("models/lake/fct_grid_events.sql")
                    .lines()
                    .filter(line -> line.matches("\\s+[a-z_]+ [A-Z].*"))
                    .count();
            assertThat(reader.single("SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'main'"
                            + " AND table_name = 'fct_grid_events'"))
                    .as("every column of the lake DDL")
                    .isEqualTo(ddlColumns);
            assertThat(reader.single("SELECT count(*) FROM mart_indicators WHERE indicator = 'close_rate'"))
                    .as("no events, no closure rate")
                    .isEqualTo(0L);
            assertThat(reader.single("SELECT count(*) FROM mart_indicators WHERE indicator = 'staff_avg'"))
                    .as("the other indicators still computed")
                    .isNotEqualTo(0L);
        }
    }

    @Test
    void dataFilesFromSeveralFilesAreReadTogether() throws Exception {
        TestLake testLake = new TestLake(dir.resolve("lake"));
        String csv = TestLake.fixture("fct_grid_events");
        String[] lines = csv.split("\n");
        Path first = testLake.parquet(
                "fct_grid_events", String.join("\n", List.of(lines).subList(0, 4)));
        Path second = testLake.parquet(
                "fct_grid_events",
                lines[0] + "\n" + String.join("\n", List.of(lines).subList(4, lines.length)));
        List<LakeTable> tables =
                new ArrayList<>(new TestLake(dir.resolve("lake2")).standard().tables());
        tables.set(indexOf(tables, "fct_grid_events"), TestLake.table("fct_grid_events", 9, first, second));
        Path file = new WarehouseBuilder().build(TestLake.snapshot(tables), dir.resolve("w.duckdb"));
        assertThat(WarehouseContent.dump(file).get("fct_grid_events"))
                .as("3 + 4 events")
                .hasSize(7);
    }

    @Test
    void aLakeTableWhoseFilesDoNotHoldItsRowCountFailsAndLeavesNoFile() throws Exception {
        LakeSnapshot lake = new TestLake(dir.resolve("lake")).standard();
        List<LakeTable> tables = new ArrayList<>(lake.tables());
        int index = indexOf(tables, "fct_community_reports");
        LakeTable reports = tables.get(index);
        tables.set(
                index,
                new LakeTable(reports.name(), reports.snapshotId(), reports.rowCount() + 1, reports.dataFiles()));
        Path target = dir.resolve("w.duckdb");

        assertThatThrownBy(() -> new WarehouseBuilder().build(TestLake.snapshot(tables), target))
                .as("a lost data file must not publish a short warehouse")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fct_community_reports");
        assertThat(target).as("partial build removed").doesNotExist();
        assertThat(dir.resolve("w.duckdb.wal")).doesNotExist();
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Path target = Files.writeString(dir.resolve("w.duckdb"), "not a warehouse");
        LakeSnapshot lake = TestLake.snapshot(List.of());
        assertThatThrownBy(() -> new WarehouseBuilder().build(lake, target))
                .as("snapshots are written once")
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("not a warehouse");
    }

    @Test
    void dataFilePathsLoseTheirFilePrefixButAreNotDecoded() {
        assertThat(LakeLoader.localPath("file:/lake/t/data/d=2023%2F01/x.parquet"))
                .as("partition folders are literally percent-encoded")
                .isEqualTo("/lake/t/data/d=2023%2F01/x.parquet");
        assertThat(LakeLoader.localPath("file:///lake/x.parquet")).isEqualTo("/lake/x.parquet");
        assertThat(LakeLoader.localPath("/lake/x.parquet")).isEqualTo("/lake/x.parquet");
        assertThatThrownBy(() -> LakeLoader.localPath("s3://bucket/x.parquet"))
                .as("only local files are read")
                .isInstanceOf(IllegalArgumentException.class);
    }

    static int indexOf(List<LakeTable> tables, String name) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no lake table " + name);
    }
}
