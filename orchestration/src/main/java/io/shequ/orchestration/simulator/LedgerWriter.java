package io.shequ.orchestration.simulator;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the district's procurement ledger (政府购买服务台账) as the civil-affairs bureau keeps it. */
final class LedgerWriter {

    static final String FOLDER = "procurement";
    static final List<String> HEADER = List.of("项目编号", "项目名称", "购买主体", "承接主体", "统一社会信用代码",
            "服务类别", "服务社区", "合同金额", "签订日期", "服务期限", "资金来源", "评估等级");
    private static final int FIRST_ROW = 3;

    private LedgerWriter() {
    }

    static List<GroundTruthWriter.ContractRow> write(Path out, SimulatedDistrict district, int year,
                                                     List<ServiceContract> contracts) throws IOException {
        Path folder = Files.createDirectories(out.resolve(FOLDER));
        Path file = folder.resolve(district.name() + "_" + year + "年政府购买服务台账.xlsx");
        XSSFWorkbook workbook = new XSSFWorkbook();
        XSSFSheet sheet = workbook.createSheet("台账");
        sheet.createRow(0).createCell(0).setCellValue(district.fullName() + year + "年政府购买服务台账");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
        Row header = sheet.createRow(1);
        for (int c = 0; c < HEADER.size(); c++) {
            header.createCell(c).setCellValue(HEADER.get(c));
        }
        String relative = out.relativize(file).toString().replace('\\', '/');
        List<GroundTruthWriter.ContractRow> truth = new ArrayList<>();
        for (int i = 0; i < contracts.size(); i++) {
            ServiceContract c = contracts.get(i);
            Row row = sheet.createRow(FIRST_ROW - 1 + i);
            List<String> cells = List.of(c.projectNo(), c.projectName(), c.purchaser(), c.provider().name(),
                    c.writtenCreditCode(), c.category(), c.servedWritten(), c.writtenAmount(), c.signed().toString(),
                    c.serviceStart() + "至" + c.serviceEnd(), c.fundSource(), c.grade());
            for (int col = 0; col < cells.size(); col++) {
                if (col == 7 && c.amountAsNumber()) {
                    row.createCell(col).setCellValue(Double.parseDouble(cells.get(col)));
                } else if (!cells.get(col).isEmpty()) {
                    row.createCell(col).setCellValue(cells.get(col));
                }
            }
            truth.add(new GroundTruthWriter.ContractRow(relative, FIRST_ROW + i, c.projectNo(),
                    c.reason() == null ? "staged" : "quarantined", c.reason(),
                    c.amount() == null ? null : c.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
                    c.servedWritten(), String.join(";", c.servedCodes()), c.servedLevel(), c.category(),
                    c.signed().toString(), c.serviceStart().toString(), c.serviceEnd().toString(),
                    c.writtenCreditCode()));
        }
        sheet.setColumnWidth(1, 40 * 256);
        sheet.setColumnWidth(3, 36 * 256);
        DatedFiles.save(workbook, file, java.time.LocalDate.of(year, 12, 31).atTime(17, 0));
        return truth;
    }
}
