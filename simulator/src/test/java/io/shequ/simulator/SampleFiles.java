package io.shequ.simulator;

import io.shequ.schemas.division.DivisionCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads simulated files back the way a careful consumer would, for the tests. */
final class SampleFiles {

    /** Small enough to run in a few seconds, big enough to force a bad ledger row. */
    static final SimulationSpec SMALL =
            new SimulationSpec(DivisionCode.parse("370103"), 2023, 7L, 2, 3, 24, Mess.none());

    /** Every kind of mess at its heavy rate, and half the reports as CSV. */
    static final Mess HEAVY_REPORT_MESS = Mess.level(Mess.Level.HEAVY).with(MessKind.REPORT_CSV, 0.5);

    /** Six months of heavily messed reports, no grid events, two contracts. */
    static final SimulationSpec HEAVY_REPORTS =
            new SimulationSpec(DivisionCode.parse("370103"), 2023, 3L, 6, 0, 2, HEAVY_REPORT_MESS);

    private SampleFiles() {}

    /** The lines of a CSV in whatever charset it was written: BOM, strict UTF-8, else GBK. */
    static List<String> csvLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else {
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                text = new String(bytes, Charset.forName("GB18030"));
            }
        }
        return Arrays.asList(text.split("\r?\n", -1));
    }

    /** The first-cell text of every row of the first sheet, keyed by 1-based row number. */
    static Map<Integer, List<String>> sheetRows(Path file) throws IOException {
        Map<Integer, List<String>> rows = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(file);
                Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.put(row.getRowNum() + 1, cells);
            }
        }
        return rows;
    }

    /** A ground-truth CSV as maps by header; the simulator quotes no cell in it. */
    static List<Map<String, String>> groundTruth(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Every row of a table, in the given order, as lists of column values. */
    static List<List<Object>> table(SimulationResult result, String sql) throws SQLException {
        try (Connection db =
                        DriverManager.getConnection(result.gridJdbcUrl(), result.gridUser(), result.gridPassword());
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
