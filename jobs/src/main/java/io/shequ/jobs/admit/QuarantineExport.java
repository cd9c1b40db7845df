package io.shequ.jobs.admit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes quarantined rows for a data engineer to correct: CSV in UTF-8 with a byte-order mark
 * (so Excel opens the Chinese text correctly), each cell that a spreadsheet would take for a
 * formula quoted ({@link FormulaGuard}), or XLSX with every cell as a text cell (so Excel does not
 * turn 0012 into 12 or a credit code into a number, and never evaluates {@code =...}: a text cell
 * is no formula, so it needs no quote). The file is written beside the target and
 * moved into place, and made readable by its owner only: it holds raw values.
 */
public final class QuarantineExport {

    /** The export file formats. */
    public enum Format {
        CSV,
        XLSX;

        public static Format of(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    private QuarantineExport() {}

    public static void write(List<QuarantinedRow> rows, Format format, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // a temporary file is created owner-only (rw-------), and the move keeps its mode
        Path tmp = Files.createTempFile(parent, ".quarantine-export", ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(tmp)) {
                if (format == Format.CSV) {
                    csv(rows, stream);
                } else {
                    xlsx(rows, stream);
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void csv(List<QuarantinedRow> rows, OutputStream stream) throws IOException {
        List<String> header = ExportColumns.header(rows);
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            // every cell, the headers too: a file's header and its name are as untrusted as its values
            printer.printRecord(header.stream().map(FormulaGuard::escape).toList());
            for (QuarantinedRow row : rows) {
                printer.printRecord(ExportColumns.cells(row, header).stream()
                        .map(FormulaGuard::escape)
                        .toList());
            }
        }
    }

    static void xlsx(List<QuarantinedRow> rows, OutputStream stream) throws IOException {
        List<String> header = ExportColumns.header(rows);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            DataFormat formats = workbook.createDataFormat();
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat("@"));
            SXSSFSheet sheet = workbook.createSheet("quarantine");
            writeRow(sheet.createRow(0), header, text);
            for (int i = 0; i < rows.size(); i++) {
                writeRow(sheet.createRow(i + 1), ExportColumns.cells(rows.get(i), header), text);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(stream);
            workbook.dispose();
        }
    }

    private static void writeRow(Row row, List<String> cells, CellStyle text) {
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellStyle(text);
            cell.setCellValue(cells.get(c));
        }
    }
}
