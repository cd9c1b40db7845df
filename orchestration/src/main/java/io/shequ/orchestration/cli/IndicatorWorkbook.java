package io.shequ.orchestration.cli;

import io.shequ.warehouse.IndicatorValue;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * {@code stats --format xlsx}: the indicator tables as an Excel workbook, one sheet per level
 * (city, district, street, community) that has values, a Chinese and an English header row, codes
 * and names as text cells (so 370103002000 stays a code), figures as numbers.
 */
final class IndicatorWorkbook {

    /** One column: its Chinese and English header and how it reads a value (a String or a Number). */
    record Column(String zh, String en, Function<IndicatorValue, Object> read) {}

    static final List<Column> COLUMNS = List.of(
            new Column("统计年度", "year", IndicatorValue::year),
            new Column("区划代码", "division_code", IndicatorValue::divisionCode),
            new Column("区划名称", "division_name", IndicatorValue::divisionName),
            new Column("层级", "division_level", IndicatorValue::divisionLevel),
            new Column("指标代码", "indicator", IndicatorValue::indicator),
            new Column("指标名称", "indicator_name_en", IndicatorValue::indicatorNameEn),
            new Column("指标中文名", "indicator_name_zh", IndicatorValue::indicatorNameZh),
            new Column("分组", "breakdown", IndicatorValue::breakdown),
            new Column("分子", "numerator", IndicatorValue::numerator),
            new Column("分母", "denominator", IndicatorValue::denominator),
            new Column("数值", "value", IndicatorValue::value),
            new Column("单位", "unit", IndicatorValue::unit));

    private IndicatorWorkbook() {}

    static void write(List<IndicatorValue> values, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (String level : List.of("city", "district", "street", "community")) {
                List<IndicatorValue> rows = values.stream()
                        .filter(v -> level.equals(v.divisionLevel()))
                        .toList();
                if (rows.isEmpty()) {
                    continue;
                }
                Sheet sheet = workbook.createSheet(level);
                Row zh = sheet.createRow(0);
                Row en = sheet.createRow(1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    zh.createCell(c).setCellValue(COLUMNS.get(c).zh());
                    en.createCell(c).setCellValue(COLUMNS.get(c).en());
                }
                sheet.createFreezePane(0, 2);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 2);
                    for (int c = 0; c < COLUMNS.size(); c++) {
                        Object value = COLUMNS.get(c).read().apply(rows.get(r));
                        Cell cell = row.createCell(c);
                        if (value instanceof Number number) {
                            cell.setCellValue(number.doubleValue());
                        } else if (value != null) {
                            cell.setCellStyle(text);
                            cell.setCellValue(value.toString());
                        }
                    }
                }
            }
            workbook.write(out);
        }
    }
}
