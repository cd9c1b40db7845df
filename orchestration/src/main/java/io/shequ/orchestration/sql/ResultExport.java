package io.shequ.orchestration.sql;

import io.shequ.jobs.admit.FormulaGuard;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link ResultTable} to {@code FILE.csv} (UTF-8 with a BOM, so Excel opens Chinese text
 * right; text cells guarded against formulas by {@link FormulaGuard}) or {@code FILE.xlsx} (Apache
 * POI). In XLSX, codes and every other text are text cells, never numbers; numbers are numeric
 * cells unless a spreadsheet's double would change them (a 19-digit snapshot id, a 20-digit
 * decimal), which are text. Written owner-only to a temporary file, then moved into place.
 */
final class ResultExport {

    /** The largest integer a spreadsheet's double holds exactly. */
    private static final long EXACT = 1L << 53;

    private ResultExport() {}

    /**
     * @throws IllegalArgumentException if the name ends neither in {@code .csv} nor {@code .xlsx}
     */
    static void write(ResultTable table, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean xlsx = name.endsWith(".xlsx");
        if (!xlsx && !name.endsWith(".csv")) {
            throw new IllegalArgumentException("export to FILE.csv or FILE.xlsx, not " + file.getFileName());
        }
        Path folder = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(folder, ".export-", ".tmp");
        try {
            try (OutputStream out = OwnerOnly.newOutputStream(tmp)) {
                if (xlsx) {
                    xlsx(table, out);
                } else {
                    csv(table, out);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void csv(ResultTable table, OutputStream stream) throws IOException {
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(table.columns().stream().map(FormulaGuard::escape).toList());
        for (List<Object> row : table.rows()) {
            for (Object value : row) {
                String text = CellText.of(value);
                printer.print(value instanceof Number ? text : FormulaGuard.escape(text));
            }
            printer.println();
        }
        printer.flush();
    }

    private static void xlsx(ResultTable table, OutputStream stream) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            SXSSFSheet sheet = workbook.createSheet("result");
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellStyle(text);
                cell.setCellValue(table.columns().get(c));
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = table.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (exactAsDouble(value)) {
                        cell.setCellValue(((Number) value).doubleValue());
                    } else {
                        cell.setCellStyle(text);
                        cell.setCellValue(CellText.of(value));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(stream);
            workbook.dispose();
        }
    }

    /** Whether a spreadsheet's double holds {@code value} exactly. */
    static boolean exactAsDouble(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return true;
        }
        if (value instanceof Long l) {
            return Math.abs(l) <= EXACT;
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.isFinite(((Number) value).doubleValue());
        }
        if (value instanceof BigInteger i) {
            return i.abs().compareTo(BigInteger.valueOf(EXACT)) <= 0;
        }
        if (value instanceof BigDecimal d) {
            return d.precision() <= 15;
        }
        return false;
    }
}
