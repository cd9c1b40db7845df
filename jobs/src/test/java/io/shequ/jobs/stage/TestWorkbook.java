package io.shequ.jobs.stage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes small hand-made XLSX files for staging tests: sheets of rows whose cells are text,
 * numbers, dates (date-formatted numeric cells, as Excel stores them) or formulas ("=B3+B4",
 * evaluated so that the file carries their cached values), with merged regions.
 */
public final class TestWorkbook {

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    private final Map<String, List<String>> merges = new LinkedHashMap<>();

    public TestWorkbook sheet(String name, List<List<Object>> rows) {
        sheets.put(name, rows);
        return this;
    }

    /** Merges {@code range} ("A1:D1") in sheet {@code name}. */
    public TestWorkbook merge(String name, String range) {
        merges.computeIfAbsent(name, k -> new ArrayList<>()).add(range);
        return this;
    }

    public Path write(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            for (var entry : sheets.entrySet()) {
                XSSFSheet sheet = workbook.createSheet(entry.getKey());
                List<List<Object>> rows = entry.getValue();
                for (int r = 0; r < rows.size(); r++) {
                    if (rows.get(r) == null) {
                        continue; // a row absent from the file
                    }
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        Object value = rows.get(r).get(c);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (value instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                        } else if (value instanceof String s && s.startsWith("=")) {
                            cell.setCellFormula(s.substring(1));
                        } else {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
                for (String range : merges.getOrDefault(entry.getKey(), List.of())) {
                    sheet.addMergedRegion(CellRangeAddress.valueOf(range));
                }
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    /** A row of cells. */
    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
