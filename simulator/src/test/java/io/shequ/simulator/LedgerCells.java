package io.shequ.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A ledger file read back independently of the pipeline, for the tests: every row by its line
 * (XLSX sheet row or CSV line, 1-based), each cell as text, with numeric and date cells marked.
 */
record LedgerCells(Map<Integer, List<Read>> rows) {

    /** One cell: its text, and for XLSX whether it is numeric and date-formatted. */
    record Read(String text, boolean numeric, LocalDate date) {}

    static LedgerCells read(Path file) throws IOException {
        return file.toString().endsWith(".csv") ? csv(file) : xlsx(file);
    }

    List<Read> line(int line) {
        return rows.get(line);
    }

    String text(int line, int column) {
        List<Read> row = rows.get(line);
        return column < row.size() ? row.get(column).text() : "";
    }

    private static LedgerCells xlsx(Path file) throws IOException {
        Map<Integer, List<Read>> rows = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<Read> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        cells.add(new Read("", false, null));
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        String digits = BigDecimal.valueOf(cell.getNumericCellValue())
                                .stripTrailingZeros()
                                .toPlainString();
                        LocalDate date = DateUtil.isCellDateFormatted(cell)
                                ? cell.getLocalDateTimeCellValue().toLocalDate()
                                : null;
                        cells.add(new Read(digits, true, date));
                    } else {
                        cells.add(new Read(cell.getStringCellValue(), false, null));
                    }
                }
                rows.put(row.getRowNum() + 1, cells);
            }
        }
        return new LedgerCells(rows);
    }

    private static LedgerCells csv(Path file) throws IOException {
        Map<Integer, List<Read>> rows = new LinkedHashMap<>();
        List<String> lines = SampleFiles.csvLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                rows.put(
                        i + 1,
                        split(lines.get(i)).stream()
                                .map(t -> new Read(t, false, null))
                                .toList());
            }
        }
        return new LedgerCells(rows);
    }

    /** RFC 4180 fields of one line (the simulator writes no line break inside a cell). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** A ground-truth CSV as maps by header, quoted cells (served names with a comma) included. */
    static List<Map<String, String>> truth(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
