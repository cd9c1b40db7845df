package io.shequ.simulator;

import io.shequ.schemas.home.OwnerOnly;
import io.shequ.simulator.StreetReport.Cell;
import io.shequ.simulator.StreetReport.Damage;
import io.shequ.simulator.StreetReport.Line;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes street-office reports as offices send them: XLSX with a title, merged cells, a 合计 row,
 * a footer and sometimes a 填表说明 sheet first, or a bare CSV in its charset; damaged files
 * truncated, empty or headerless; a duplicate as the same bytes under a "(1)" name.
 */
final class ReportWriter {

    static final String FOLDER = "street-offices";
    static final String INSTRUCTIONS_SHEET = "填表说明";
    private static final int FOOTER_DATE_COLUMN = 7;

    /**
     * One file as written: where (relative to the output folder), the SHA-256 of its bytes, the report
     * in it, the first data line (CSV line or sheet row, 1-based) and the sheet holding the table.
     */
    record WrittenFile(String relative, String sha256, StreetReport report, int firstLine, String sheet) {}

    private final Path out;
    private final SimulatedDistrict district;
    private final String districtFolder;

    /** @param districtFolder a folder for the district under street-offices/, or empty for none */
    ReportWriter(Path out, SimulatedDistrict district, String districtFolder) {
        this.out = out;
        this.district = district;
        this.districtFolder = districtFolder;
    }

    /** Writes the report, and its copy if it has one; the copy is modified a little later. */
    List<WrittenFile> write(StreetReport report) throws IOException {
        String relative = FOLDER + "/" + (districtFolder.isEmpty() ? "" : districtFolder + "/") + report.relativePath();
        LocalDateTime dated = report.filedOn().atTime(9, 30);
        byte[] bytes;
        int firstLine;
        String sheet = null;
        if (report.format().xlsx()) {
            sheet = report.quarterly() ? "季报" : "月报";
            bytes = xlsx(report, sheet, dated);
            firstLine = 3;
        } else {
            bytes = csv(report);
            firstLine = 2;
        }
        if (report.damage() == Damage.EMPTY) {
            bytes = new byte[0];
        } else if (report.damage() == Damage.TRUNCATED) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        List<WrittenFile> files = new ArrayList<>();
        files.add(save(relative, bytes, dated, report, firstLine, sheet));
        if (report.copied()) {
            String copy = relative.substring(0, relative.lastIndexOf('.')) + "(1)"
                    + relative.substring(relative.lastIndexOf('.'));
            files.add(save(copy, bytes, dated.plusHours(2), report, firstLine, sheet));
        }
        return files;
    }

    private WrittenFile save(
            String relative, byte[] bytes, LocalDateTime dated, StreetReport report, int firstLine, String sheet)
            throws IOException {
        Path file = out.resolve(relative);
        OwnerOnly.createDirectories(file.getParent());
        OwnerOnly.write(file, bytes);
        DatedFiles.stamp(file, dated);
        return new WrittenFile(relative, sha256(bytes), report, firstLine, sheet);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] xlsx(StreetReport report, String sheetName, LocalDateTime dated) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        if (report.extraSheet()) {
            XSSFSheet notes = workbook.createSheet(INSTRUCTIONS_SHEET);
            List<String> text = List.of(
                    "填表说明",
                    "1. 每个社区（村）填写一行，数字请填写阿拉伯数字。",
                    "2. 面积单位为平方米，人数单位为人。",
                    "3. 无数据的请填写“暂无”。",
                    "4. 请于每月10日前报送街道办事处。");
            for (int r = 0; r < text.size(); r++) {
                notes.createRow(r).createCell(0).setCellValue(text.get(r));
            }
        }
        XSSFSheet sheet = workbook.createSheet(sheetName);
        sheet.createRow(0).createCell(0).setCellValue(report.title(district));
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, ReportColumns.HEADER.size() - 1));
        int r = 1;
        if (report.damage() != Damage.NO_HEADER) {
            Row header = sheet.createRow(r++);
            for (int c = 0; c < report.header().size(); c++) {
                header.createCell(c).setCellValue(report.header().get(c));
            }
        }
        for (Line line : report.lines()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(line.writtenName());
            for (int c = 0; c < line.cells().size(); c++) {
                writeCell(row, c + 1, line.cells().get(c));
            }
        }
        Row total = sheet.createRow(r++);
        total.createCell(0).setCellValue("合计");
        List<BigDecimal> sums = totals(report);
        for (int c = 0; c < sums.size(); c++) {
            total.createCell(c + 1).setCellValue(sums.get(c).doubleValue());
        }
        Row footer = sheet.createRow(r);
        footer.createCell(0).setCellValue("填报人：" + report.filer());
        footer.createCell(FOOTER_DATE_COLUMN).setCellValue("填报日期：" + report.filedOn());
        sheet.setColumnWidth(0, 24 * 256);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DatedFiles.save(workbook, bytes, dated);
        return bytes.toByteArray();
    }

    private static void writeCell(Row row, int column, Cell cell) {
        if (cell.numeric()) {
            row.createCell(column).setCellValue(new BigDecimal(cell.written()).doubleValue());
        } else if (!cell.written().isEmpty()) {
            row.createCell(column).setCellValue(cell.written());
        }
    }

    /** Column sums of the true figures the office holds; placeholders and bad cells count as nothing. */
    private static List<BigDecimal> totals(StreetReport report) {
        List<BigDecimal> sums = new ArrayList<>();
        for (int c = 0; c < ReportColumns.FIELDS.size(); c++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Line line : report.lines()) {
                BigDecimal value = line.cells().get(c).clean();
                if (value != null) {
                    sum = sum.add(value);
                }
            }
            sums.add(sum);
        }
        return sums;
    }

    private static byte[] csv(StreetReport report) {
        Charset charset = report.format().charset();
        String newline = charset.name().startsWith("GB") ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder();
        if (report.damage() != Damage.NO_HEADER) {
            text.append(String.join(",", report.header())).append(newline);
        }
        for (Line line : report.lines()) {
            text.append(csv(line.writtenName()));
            for (Cell cell : line.cells()) {
                text.append(',').append(csv(cell.written()));
            }
            text.append(newline);
        }
        if (!charset.newEncoder().canEncode(text)) {
            charset = Charset.forName("GB18030"); // a rare character outside GBK
        }
        byte[] body = text.toString().getBytes(charset);
        if (!report.format().bom()) {
            return body;
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
