package io.shequ.warehouse;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small lake tables as Parquet with DuckDB itself, typed by the warehouse's own lake DDL,
 * from CSV fixtures in {@code io/shequ/warehouse/lake/<table>.csv} or from CSV text.
 */
final class TestLake {

    static final Instant COMMITTED_AT = Instant.parse("2025-01-15T02:00:00Z");

    /** The lake tables with a fixture CSV; the other lake tables of the DDL are built empty. */
    static final List<String> TABLES =
            List.of("dim_division", "dim_grid", "fct_community_reports", "fct_grid_events", "fct_service_contracts");

    private final Path folder;
    private int files;

    TestLake(Path folder) {
        this.folder = folder;
    }

    /**
     * Builds the warehouse from the {@linkplain #standard() fixture lake} (written under
     * {@code home/lake}) and publishes it as run {@code run-1}: the warehouse most tests read.
     */
    static Path publishStandard(Path home) throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(home);
        Path snapshot = new WarehouseBuilder()
                .build(new TestLake(home.resolve("lake")).standard(), publisher.newSnapshotPath("run-1"));
        publisher.publish(snapshot);
        return snapshot;
    }

    /** The fixture lake tables, one Parquet file each. */
    LakeSnapshot standard() throws Exception {
        List<LakeTable> tables = new ArrayList<>();
        long snapshotId = 1000;
        for (String table : TABLES) {
            tables.add(table(table, ++snapshotId, parquet(table, fixture(table))));
        }
        return snapshot(tables);
    }

    static LakeSnapshot snapshot(List<LakeTable> tables) {
        return new LakeSnapshot("shequ", "lake", COMMITTED_AT, tables);
    }

    static String fixture(String table) throws IOException {
        try (InputStream in = TestLake.class.getResourceAsStream("lake/" + table + ".csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One Parquet file of {@code table}'s lake columns holding the rows of {@code csv} (header first). */
    Path parquet(String table, String csv) throws Exception {
        Path dir = Files.createDirectories(folder.resolve(table).resolve("data"));
        int n = ++files;
        Path source = Files.writeString(dir.resolve("fixture-" + n + ".csv"), csv);
        Path parquet = dir.resolve("part-" + n + ".parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute(ClasspathText.read("models/lake/" + table + ".sql"));
            statement.execute("INSERT INTO " + table + " BY NAME SELECT * FROM read_csv('" + source
                    + "', header = true, all_varchar = true)");
            statement.execute("COPY " + table + " TO '" + parquet + "' (FORMAT parquet)");
        }
        return parquet;
    }

    /** A lake table over {@code files} (the first one as a {@code file:} URI), its row count read back. */
    static LakeTable table(String name, long snapshotId, Path... files) throws SQLException {
        List<String> dataFiles = new ArrayList<>();
        long rows = 0;
        for (Path file : files) {
            dataFiles.add(dataFiles.isEmpty() ? "file:" + file : file.toString());
            rows += rowCount(file);
        }
        return new LakeTable(name, snapshotId, rows, dataFiles);
    }

    private static long rowCount(Path parquet) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM read_parquet('" + parquet + "')")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
