package io.shequ.warehouse;

import io.shequ.schemas.home.FileTrees;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reader connection's spill folder under {@link DuckDbResources#readerSpill}: its own, since
 * DuckDB's temporary file names are not unique across processes; owner-only; removed when the
 * reader closes.
 */
final class ReaderSpill {

    private ReaderSpill() {}

    static Path create(Path home) {
        try {
            Path area = OwnerOnly.restrict(OwnerOnly.createDirectories(DuckDbResources.readerSpill(home)));
            // a temporary directory is created rwx------ by the JDK
            return Files.createTempDirectory(area, "reader-");
        } catch (IOException e) {
            throw new WarehouseException("creating a spill folder in " + DuckDbResources.readerSpill(home), e);
        }
    }

    static void delete(Path folder) {
        try {
            FileTrees.delete(folder);
        } catch (IOException leftBehind) {
            // a spill folder left behind holds nothing of value; the next reader makes its own
        }
    }
}
