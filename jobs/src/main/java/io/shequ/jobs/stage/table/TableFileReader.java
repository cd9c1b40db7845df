package io.shequ.jobs.stage.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads a report file into sheets of text cells: every sheet of an XLSX workbook (Apache POI,
 * merged regions filled from their top-left cell, formulas evaluated), or the one table of a CSV
 * file in whatever encoding it came. Throws {@link IOException} for a file that cannot be read.
 */
public final class TableFileReader {

    private TableFileReader() {
    }

    public static List<Sheet> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return List.of(readCsv(file));
        }
        if (name.endsWith(".xlsx")) {
            return readWorkbook(file);
        }
        throw new IOException("unsupported file type: " + file.getFileName() + " (expected .xlsx or .csv)");
    }

    private static Sheet readCsv(Path file) throws IOException {
        CsvCharset.Decoded decoded = CsvCharset.decode(Files.readAllBytes(file));
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(decoded.text(), CSVFormat.RFC4180.builder().setTrim(false).build())) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                // a record may span lines (quoted newline): its first line is where it starts
                rows.add(new SheetRow((int) parser.getCurrentLineNumber() - countNewlines(cells), cells));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException("malformed CSV " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return new Sheet(file.getFileName().toString(), rows, decoded.charset());
    }

    private static int countNewlines(List<String> cells) {
        int n = 0;
        for (String cell : cells) {
            n += (int) cell.chars().filter(c -> c == '\n').count();
        }
        return n;
    }

    private static List<Sheet> readWorkbook(Path file) throws IOException {
        List<Sheet> sheets = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
                sheets.add(readSheet(sheet, formatter, evaluator));
            }
        } catch (RuntimeException e) {
            throw new IOException("unreadable workbook " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return sheets;
    }

    private static Sheet readSheet(org.apache.poi.ss.usermodel.Sheet sheet, DataFormatter formatter,
                                   FormulaEvaluator evaluator) {
        List<SheetRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            int width = Math.max(row.getLastCellNum(), 0);
            List<String> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                cells.add(text(mergedOrSelf(sheet, row.getRowNum(), c), formatter, evaluator));
            }
            rows.add(new SheetRow(row.getRowNum() + 1, cells));
        }
        return new Sheet(sheet.getSheetName(), rows, null);
    }

    private static Cell mergedOrSelf(org.apache.poi.ss.usermodel.Sheet sheet, int rowIndex, int col) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.isInRange(rowIndex, col)) {
                Row first = sheet.getRow(region.getFirstRow());
                return first == null ? null : first.getCell(region.getFirstColumn());
            }
        }
        Row row = sheet.getRow(rowIndex);
        return row == null ? null : row.getCell(col);
    }

    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            // plain digits, never a locale's grouping or scientific notation
            case NUMERIC -> org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
            case FORMULA -> formatter.formatCellValue(cell, evaluator);
            default -> formatter.formatCellValue(cell);
        };
    }
}
