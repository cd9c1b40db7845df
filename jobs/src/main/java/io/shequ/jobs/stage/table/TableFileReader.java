package io.shequ.jobs.stage.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a report file into sheets of text cells: every sheet of an XLSX workbook (streamed with
 * Apache POI's event API, see {@link XlsxSheetReader}), or the one table of a CSV file in whatever
 * encoding it came. An empty file gives no sheets. Throws {@link IOException} for a file that
 * cannot be read (truncated or corrupt workbook, bytes that are no text in any accepted encoding).
 */
public final class TableFileReader {

    private TableFileReader() {}

    public static List<Sheet> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return List.of(readCsv(file));
        }
        if (Files.size(file) == 0) {
            return List.of(); // no rows: the locator calls it an empty file
        }
        if (name.endsWith(".xlsx")) {
            return XlsxSheetReader.read(file);
        }
        throw new IOException("unsupported file type: " + file.getFileName() + " (expected .xlsx or .csv)");
    }

    private static Sheet readCsv(Path file) throws IOException {
        CsvCharset.Decoded decoded = CsvCharset.decode(Files.readAllBytes(file));
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(
                decoded.text(), CSVFormat.RFC4180.builder().setTrim(false).build())) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                // a record may span lines (quoted newline): its first line is where it starts
                rows.add(new SheetRow((int) parser.getCurrentLineNumber() - countNewlines(cells), cells));
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IOException("malformed CSV " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return new Sheet(file.getFileName().toString(), rows, decoded.charset());
    }

    /** Line breaks inside the cells, counted as the parser counts lines: CRLF, a lone CR and a lone LF are one each. */
    private static int countNewlines(List<String> cells) {
        int n = 0;
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n')) {
                    n++;
                }
            }
        }
        return n;
    }
}
