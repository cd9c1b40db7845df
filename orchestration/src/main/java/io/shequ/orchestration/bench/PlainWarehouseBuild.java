package io.shequ.orchestration.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.warehouse.WarehouseBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What publish costs without its model tests, comments, audits and switch: the same warehouse
 * tables (every lake table of the run's committed snapshot, {@code runs/<id>/lake-snapshot.json},
 * loaded from the very data files publish reads, and every model built on them), built by
 * {@link WarehouseBuilder#buildPlain} into a file that is never published.
 */
public final class PlainWarehouseBuild {

    /** One lake table as the snapshot lists it. */
    record LakeTable(String name, List<String> dataFiles) {}

    /** How long the build took, how many lake tables and rows it loaded, and the file's size. */
    public record Result(Duration elapsed, int tables, long rows, long bytes) {}

    private PlainWarehouseBuild() {}

    /** Builds {@code target} (replaced if there) from the snapshot file. */
    public static Result build(Path lakeSnapshot, Path target) throws IOException {
        LakeSnapshot lake = LakeSnapshot.read(lakeSnapshot);
        Path file = target.toAbsolutePath();
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
        long start = System.nanoTime();
        new WarehouseBuilder(SqlFloor.resources(file.resolveSibling("spill"))).buildPlain(lake, file);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long rows = lake.tables().stream().mapToLong(t -> t.rowCount()).sum();
        return new Result(elapsed, lake.tables().size(), rows, Files.size(file));
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
