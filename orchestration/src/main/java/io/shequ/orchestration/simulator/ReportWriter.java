package io.shequ.orchestration.simulator;

import io.shequ.orchestration.simulator.StreetReport.Cell;
import io.shequ.orchestration.simulator.StreetReport.Line;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes street-office reports as a street office would: XLSX with a title, a 合计 row and a
 * footer, or a bare CSV. Returns where each community row landed.
 */
final class ReportWriter {

    static final String FOLDER = "street-offices";
    private static final int FOOTER_DATE_COLUMN = 7;

    private final Path out;
    private final SimulatedDistrict district;

    ReportWriter(Path out, SimulatedDistrict district) {
        this.out = out;
        this.district = district;
    }

    List<GroundTruthWriter.ReportRow> write(StreetReport report) throws IOException {
        Path folder = out.resolve(FOLDER).resolve(report.street().name());
        Files.createDirectories(folder);
        Path file = folder.resolve(report.fileName());
        int firstLine = report.format().xlsx() ? writeXlsx(report, file) : writeCsv(report, file);
        DatedFiles.stamp(file, report.filedOn().atTime(9, 30));
        String relative = out.relativize(file).toString().replace('\\', '/');
        List<GroundTruthWriter.ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < report.lines().size(); i++) {
            Line line = report.lines().get(i);
            rows.add(new GroundTruthWriter.ReportRow(relative, firstLine + i, report.street().office().code().value(),
                    line.writtenName(), line.community().code().value(), report.period(),
                    line.bad() ? "quarantined" : "staged", line.badColumn(), line.reason()));
        }
        return rows;
    }

    /** @return the sheet row number (1-based) of the first community */
    private int writeXlsx(StreetReport report, Path file) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        XSSFSheet sheet = workbook.createSheet("月报");
        String title = district.fullName() + report.street().name()
                + report.year() + "年" + report.month() + "月社区工作月报表";
        sheet.createRow(0).createCell(0).setCellValue(title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, ReportColumns.HEADER.size() - 1));
        Row header = sheet.createRow(1);
        for (int c = 0; c < ReportColumns.HEADER.size(); c++) {
            header.createCell(c).setCellValue(ReportColumns.HEADER.get(c));
        }
        int r = 2;
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
        DatedFiles.save(workbook, file, report.filedOn().atTime(9, 30));
        return 3;
    }

    private static void writeCell(Row row, int column, Cell cell) {
        if (cell.number() != null && !cell.asText()) {
            row.createCell(column).setCellValue(cell.number().doubleValue());
        } else if (!cell.written().isEmpty()) {
            row.createCell(column).setCellValue(cell.written());
        }
    }

    /** Column sums of what the sheet shows as figures: placeholders and bad text count as nothing. */
    private static List<BigDecimal> totals(StreetReport report) {
        List<BigDecimal> sums = new ArrayList<>();
        for (int c = 0; c < ReportColumns.VALUES.size(); c++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Line line : report.lines()) {
                BigDecimal value = line.cells().get(c).number();
                if (value != null) {
                    sum = sum.add(value);
                }
            }
            sums.add(sum);
        }
        return sums;
    }

    /** @return the line number (1-based, header = 1) of the first community */
    private static int writeCsv(StreetReport report, Path file) throws IOException {
        Charset charset = report.format().charset();
        String newline = charset.name().equals("GBK") ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder();
        text.append(String.join(",", ReportColumns.HEADER)).append(newline);
        for (Line line : report.lines()) {
            text.append(csv(line.writtenName()));
            for (Cell cell : line.cells()) {
                text.append(',').append(csv(cell.written()));
            }
            text.append(newline);
        }
        if (!charset.newEncoder().canEncode(text)) {
            charset = Charset.forName("GB18030");  // a rare character outside GBK
        }
        try (OutputStream stream = Files.newOutputStream(file);
             Writer writer = new OutputStreamWriter(stream, charset)) {
            if (report.format().bom()) {
                stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            writer.write(text.toString());
        }
        return 2;
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
