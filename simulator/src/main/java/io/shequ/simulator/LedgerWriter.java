package io.shequ.simulator;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes procurement ledgers (政府购买服务台账) as a civil-affairs bureau keeps them: an XLSX with a
 * title row above the header, or a bare CSV (header on line 1) in UTF-8, UTF-8 with BOM or GBK.
 * Returns one ground-truth row per ledger row.
 */
final class LedgerWriter {

    static final String FOLDER = "procurement";
    static final List<String> HEADER =
            List.of("项目编号", "项目名称", "购买主体", "承接主体", "统一社会信用代码", "服务类别", "服务社区", "合同金额", "签订日期", "服务期限", "资金来源", "评估等级");
    static final int CREDIT_CODE_COLUMN = 4;
    static final int SERVED_COLUMN = 6;
    static final int AMOUNT_COLUMN = 7;
    static final int SIGNED_COLUMN = 8;
    static final int PERIOD_COLUMN = 9;
    /** XLSX: title on sheet row 1, header on row 2, the first contract on row 3 (row 4 under group headings). */
    static final int XLSX_FIRST_ROW = 3;
    /** CSV: header on line 1, the first contract on line 2. */
    static final int CSV_FIRST_LINE = 2;

    private LedgerWriter() {}

    /** Where a row landed: the XLSX sheet (null for CSV) and its sheet row or CSV line, 1-based. */
    private record Place(String sheet, int line) {}

    /** Writes every file into {@code out/procurement} and says what each of their rows means. */
    static List<GroundTruthWriter.ContractRow> write(Path out, List<LedgerFile> files) throws IOException {
        Path folder = OwnerOnly.createDirectories(out.resolve(FOLDER));
        List<GroundTruthWriter.ContractRow> truth = new ArrayList<>();
        for (LedgerFile ledger : files) {
            Path file = folder.resolve(ledger.name());
            List<Place> places;
            if (ledger.format() == LedgerFile.Format.XLSX) {
                places = writeXlsx(ledger, file);
            } else {
                int first = writeCsv(ledger, file);
                places = new ArrayList<>();
                for (int i = 0; i < ledger.rows().size(); i++) {
                    places.add(new Place(null, first + i));
                }
            }
            DatedFiles.stamp(file, ledger.savedAt());
            for (int i = 0; i < ledger.rows().size(); i++) {
                truth.add(truth(
                        FOLDER + "/" + ledger.name(),
                        places.get(i),
                        ledger.rows().get(i)));
            }
        }
        return truth;
    }

    private static GroundTruthWriter.ContractRow truth(String file, Place place, LedgerRow row) {
        ServiceContract c = row.contract();
        boolean pending = row.amountForm() == AmountForm.PENDING;
        return new GroundTruthWriter.ContractRow(
                file,
                place.line(),
                c.projectNo(),
                row.rule() == null ? "staged" : "quarantined",
                row.rule() == null ? null : row.rule().code(),
                pending
                        ? null
                        : c.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
                row.servedWritten(),
                String.join(";", c.servedCodes()),
                c.servedLevel(),
                c.category(),
                row.dateForm().truth(c.signed()),
                c.serviceStart().toString(),
                c.serviceEnd().toString(),
                row.normalisedCreditCode(),
                row.supersededBy() == null ? null : FOLDER + "/" + row.supersededBy(),
                row.dateForm().precision(),
                row.amountForm().code(),
                row.dateForm().code(),
                row.creditCodeForm().code(),
                row.servedForm().code(),
                place.sheet(),
                row.novelCategory() ? "other" : "taxonomy",
                row.implausibleSigned());
    }

    /** Group headings over sub-columns of {@link MessKind#MULTI_ROW_HEADER}: first column, last column, heading. */
    private static final List<Object[]> GROUPS =
            List.of(new Object[] {0, 1, "项目信息"}, new Object[] {3, 4, "承接主体信息"}, new Object[] {7, 9, "合同信息"});

    /** @return where each row landed: sheet 台账 (and 台账(续) for the second half of two sheets) */
    private static List<Place> writeXlsx(LedgerFile ledger, Path file) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        CellStyle dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        List<LedgerRow> rows = ledger.rows();
        int split = ledger.twoSheets() ? (rows.size() + 1) / 2 : rows.size();
        List<Place> places = new ArrayList<>();
        places.addAll(writeSheet(workbook, "台账", ledger, rows.subList(0, split), dateStyle));
        if (split < rows.size()) {
            places.addAll(writeSheet(workbook, "台账(续)", ledger, rows.subList(split, rows.size()), dateStyle));
        }
        DatedFiles.save(workbook, file, ledger.savedAt());
        return places;
    }

    private static List<Place> writeSheet(
            XSSFWorkbook workbook, String name, LedgerFile ledger, List<LedgerRow> rows, CellStyle dateStyle) {
        XSSFSheet sheet = workbook.createSheet(name);
        List<String> header = ledger.header();
        sheet.createRow(0).createCell(0).setCellValue(ledger.title());
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
        int next = 1;
        if (ledger.groupHeadings()) {
            // a heading over each group's sub-columns; every other column's header spans both rows
            Row groups = sheet.createRow(next);
            Row subs = sheet.createRow(next + 1);
            boolean[] grouped = new boolean[header.size()];
            for (Object[] group : GROUPS) {
                int from = (Integer) group[0];
                int to = (Integer) group[1];
                groups.createCell(from).setCellValue((String) group[2]);
                sheet.addMergedRegion(new CellRangeAddress(next, next, from, to));
                for (int c = from; c <= to; c++) {
                    grouped[c] = true;
                    subs.createCell(c).setCellValue(header.get(c));
                }
            }
            for (int c = 0; c < header.size(); c++) {
                if (!grouped[c]) {
                    groups.createCell(c).setCellValue(header.get(c));
                    sheet.addMergedRegion(new CellRangeAddress(next, next + 1, c, c));
                }
            }
            next += 2;
        } else {
            Row headerRow = sheet.createRow(next++);
            for (int c = 0; c < header.size(); c++) {
                headerRow.createCell(c).setCellValue(header.get(c));
            }
        }
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(next + i);
            places.add(new Place(name, next + i + 1));
            List<WrittenCell> cells = rows.get(i).cells();
            for (int col = 0; col < cells.size(); col++) {
                WrittenCell cell = cells.get(col);
                switch (cell.kind()) {
                    case NUMBER -> row.createCell(col).setCellValue(Double.parseDouble(cell.text()));
                    case DATE -> {
                        row.createCell(col).setCellValue(Double.parseDouble(cell.text()));
                        row.getCell(col).setCellStyle(dateStyle);
                    }
                    case TEXT -> {
                        if (!cell.text().isEmpty()) {
                            row.createCell(col).setCellValue(cell.text());
                        }
                    }
                }
            }
        }
        sheet.setColumnWidth(1, 40 * 256);
        sheet.setColumnWidth(3, 36 * 256);
        return places;
    }

    /** @return the line number (1-based, header = 1) of the first contract */
    private static int writeCsv(LedgerFile ledger, Path file) throws IOException {
        Charset charset = ledger.format().charset();
        String newline = ledger.format() == LedgerFile.Format.CSV_GBK ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder();
        text.append(String.join(",", ledger.header())).append(newline);
        for (LedgerRow row : ledger.rows()) {
            List<String> cells = row.cells().stream().map(c -> csv(c.text())).toList();
            text.append(String.join(",", cells)).append(newline);
        }
        if (!charset.newEncoder().canEncode(text)) {
            charset = Charset.forName("GB18030"); // a rare character outside GBK
        }
        try (OutputStream stream = OwnerOnly.newOutputStream(file);
                Writer writer = new OutputStreamWriter(stream, charset)) {
            if (ledger.format().bom()) {
                stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            writer.write(text.toString());
        }
        return CSV_FIRST_LINE;
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
