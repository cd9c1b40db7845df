package io.shequ.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One reader connection's spill folder under {@link DuckDbResources#readerSpill}: its own, since
 * DuckDB's temporary file names are not unique across processes; owner-only; removed when the
 * reader closes.
 */
final class ReaderSpill {

    private ReaderSpill() {
    }

    static Path create(Path home) {
        try {
            Path area = Files.createDirectories(DuckDbResources.readerSpill(home));
            if (Files.getFileStore(area).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(area, PosixFilePermissions.fromString("rwx------"));
            }
            return Files.createTempDirectory(area, "reader-");
        } catch (IOException e) {
            throw new WarehouseException("creating a spill folder in " + DuckDbResources.readerSpill(home), e);
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException leftBehind) {
            // a spill folder left behind holds nothing of value; the next reader makes its own
        }
    }
}
