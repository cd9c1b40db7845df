package io.shequ.simulator;

import io.shequ.schemas.home.OwnerOnly;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Saves workbooks and text files byte for byte reproducibly, dated by the simulation, not the clock. */
final class DatedFiles {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DatedFiles() {}

    /**
     * Writes {@code workbook} with its created date set to {@code dated}, then re-packs the zip
     * with that date on every entry: POI stamps entries with the current time otherwise.
     */
    static void save(XSSFWorkbook workbook, Path file, LocalDateTime dated) throws IOException {
        try (OutputStream fileOut = OwnerOnly.newOutputStream(file)) {
            save(workbook, fileOut, dated);
        }
        stamp(file, dated);
    }

    /** As {@link #save(XSSFWorkbook, Path, LocalDateTime)}, into a stream (left open). */
    static void save(XSSFWorkbook workbook, OutputStream target, LocalDateTime dated) throws IOException {
        Date date = Date.from(dated.atZone(ZONE).toInstant());
        workbook.getProperties().getCoreProperties().setCreated(Optional.of(date));
        workbook.getProperties().getCoreProperties().setModified(Optional.of(date));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        workbook.write(raw);
        workbook.close();
        ZipOutputStream zip = new ZipOutputStream(target);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(raw.toByteArray()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(dated);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        zip.finish();
    }

    /** Sets the modification time, as if the file was saved at {@code dated} in China. */
    static void stamp(Path file, LocalDateTime dated) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(dated.atZone(ZONE).toInstant()));
    }
}
