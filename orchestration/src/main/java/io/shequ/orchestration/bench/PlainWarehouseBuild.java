package io.shequ.orchestration.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.schemas.home.OwnerOnly;
import io.shequ.warehouse.DuckDbResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What publish costs without its models, tests and audits: a plain DuckDB file holding each lake
 * table of the run's committed snapshot ({@code runs/<id>/lake-snapshot.json}), loaded by
 * {@code CREATE TABLE … AS SELECT * FROM read_parquet([…])} from the very data files publish reads.
 */
public final class PlainWarehouseBuild {

    /** One lake table as the snapshot lists it. */
    record LakeTable(String name, List<String> dataFiles) {}

    /** How long the load took, how many tables and rows, and the file's size. */
    public record Result(Duration elapsed, int tables, long rows, long bytes) {}

    private PlainWarehouseBuild() {}

    /** Builds {@code target} (replaced if there) from the snapshot file. */
    public static Result build(Path lakeSnapshot, Path target) throws IOException, SQLException {
        List<LakeTable> tables = tables(lakeSnapshot);
        Files.deleteIfExists(target);
        OwnerOnly.createDirectories(target.toAbsolutePath().getParent());
        long rows = 0;
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + target.toAbsolutePath());
                Statement sql = db.createStatement()) {
            // DuckDB created the file with the process's umask, in an owner-only folder
            OwnerOnly.restrict(target);
            DuckDbResources resources =
                    SqlFloor.resources(target.toAbsolutePath().resolveSibling("spill"));
            resources.prepareSpillFolder();
            for (String setting : resources.settings()) {
                sql.execute(setting);
            }
            sql.execute("CREATE SCHEMA lake");
            for (LakeTable table : tables) {
                if (table.dataFiles().isEmpty()) {
                    continue; // an empty table has no file to read a schema from
                }
                rows += sql.executeLargeUpdate(createStatement(table));
            }
            sql.execute("CHECKPOINT");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(elapsed, tables.size(), rows, Files.size(target));
    }

    static String createStatement(LakeTable table) {
        String files = table.dataFiles().stream()
                .map(f -> "'" + f.replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        // partition folders are literally percent-encoded: no hive partitioning, the columns are in the files
        return "CREATE TABLE lake." + table.name() + " AS SELECT * FROM read_parquet(" + files
                + ", hive_partitioning = false)";
    }

    static List<LakeTable> tables(Path lakeSnapshot) throws IOException {
        JsonNode root = new ObjectMapper().readTree(lakeSnapshot.toFile());
        List<LakeTable> tables = new ArrayList<>();
        for (JsonNode table : root.path("tables")) {
            List<String> files = new ArrayList<>();
            table.path("dataFiles").forEach(f -> files.add(stripFileScheme(f.asText())));
            tables.add(new LakeTable(table.path("name").asText(), files));
        }
        return tables;
    }

    /** Strips {@code file:} as text; never URI-decodes (partition folder names are percent-encoded on disk). */
    static String stripFileScheme(String location) {
        return location.startsWith("file:") ? location.substring("file:".length()) : location;
    }

    /** The data files of one lake table, e.g. dim_division for the floor's reference names. */
    public static List<Path> dataFiles(Path lakeSnapshot, String table) throws IOException {
        return tables(lakeSnapshot).stream()
                .filter(t -> t.name().equals(table))
                .flatMap(t -> t.dataFiles().stream())
                .map(Path::of)
                .toList();
    }
}
