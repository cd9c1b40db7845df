package io.shequ.orchestration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.warehouse.IndicatorValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class IndicatorWorkbookTest {

    private static final List<IndicatorValue> VALUES = List.of(
            new IndicatorValue(
                    2023,
                    "370100000000",
                    "city",
                    "济南市",
                    "units",
                    "",
                    215.0,
                    null,
                    215.0,
                    "个",
                    "市",
                    "社区和村数",
                    "Communities and villages"),
            new IndicatorValue(
                    2023,
                    "370103000000",
                    "district",
                    "市中区",
                    "close_rate",
                    "",
                    4139.0,
                    4734.0,
                    0.8743134769750739,
                    "ratio",
                    "区县",
                    "结案率",
                    "Closure rate"),
            new IndicatorValue(
                    2023,
                    "370103002000",
                    "street",
                    "大观园街道",
                    "purchase",
                    "category:culture",
                    257471.09,
                    null,
                    257471.09,
                    "元",
                    "街道",
                    "政府购买服务",
                    "Purchased services"),
            new IndicatorValue(
                    2023,
                    "370103002001",
                    "community",
                    "新市场社区",
                    "staff_avg",
                    "",
                    12.0,
                    1.0,
                    12.0,
                    "人/社区",
                    "社区",
                    "社区平均专职人员数",
                    "Staff per community"));

    @Test
    void theWorkbookReopensWithOneSheetPerLevelCodesAsTextAndTheValuesOfTheJson() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        IndicatorWorkbook.write(VALUES, xlsx);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        IndicatorTable.printJson(VALUES, new PrintStream(json, true, StandardCharsets.UTF_8));
        JsonNode expected = new ObjectMapper().readTree(json.toString(StandardCharsets.UTF_8));

        List<JsonNode> read = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).as("one sheet per level").isEqualTo(4);
            assertThat(List.of(
                            workbook.getSheetName(0),
                            workbook.getSheetName(1),
                            workbook.getSheetName(2),
                            workbook.getSheetName(3)))
                    .containsExactly("city", "district", "street", "community");
            for (Sheet sheet : workbook) {
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue())
                        .as("Chinese header")
                        .isEqualTo("区划代码");
                assertThat(sheet.getRow(1).getCell(1).getStringCellValue())
                        .as("English header")
                        .isEqualTo("division_code");
                for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    assertThat(row.getCell(1).getCellType())
                            .as("codes are text cells")
                            .isEqualTo(CellType.STRING);
                    read.add(row(row));
                }
            }
        }
        assertThat(read).as("the workbook holds the JSON's rows").hasSize(expected.size());
        for (int i = 0; i < read.size(); i++) {
            JsonNode json1 = expected.get(i);
            JsonNode cells = read.get(i);
            assertThat(cells.get("year").asInt()).isEqualTo(json1.get("year").asInt());
            for (String field : new String[] {
                "divisionCode",
                "divisionName",
                "divisionLevel",
                "indicator",
                "breakdown",
                "unit",
                "indicatorNameZh",
                "indicatorNameEn"
            }) {
                assertThat(cells.get(field).asText())
                        .as(field + " of row " + i)
                        .isEqualTo(json1.get(field).asText());
            }
            for (String field : new String[] {"numerator", "denominator", "value"}) {
                if (json1.get(field).isNull()) {
                    assertThat(cells.get(field).isNull())
                            .as(field + " of row " + i + " is empty")
                            .isTrue();
                } else {
                    assertThat(cells.get(field).asDouble())
                            .as(field + " of row " + i)
                            .isEqualTo(json1.get(field).asDouble());
                }
            }
        }
    }

    private static JsonNode row(Row row) {
        var node = new ObjectMapper().createObjectNode();
        String[] fields = {
            "year",
            "divisionCode",
            "divisionName",
            "divisionLevel",
            "indicator",
            "indicatorNameEn",
            "indicatorNameZh",
            "breakdown",
            "numerator",
            "denominator",
            "value",
            "unit"
        };
        for (int c = 0; c < fields.length; c++) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                node.putNull(fields[c]);
            } else if (cell.getCellType() == CellType.NUMERIC) {
                node.put(fields[c], cell.getNumericCellValue());
            } else {
                node.put(fields[c], cell.getStringCellValue());
            }
        }
        return node;
    }
}
