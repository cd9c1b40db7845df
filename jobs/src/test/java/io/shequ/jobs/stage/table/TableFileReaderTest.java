package io.shequ.jobs.stage.table;

import static io.shequ.jobs.stage.TestWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.jobs.stage.TestWorkbook;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableFileReaderTest {

    private static final String TEXT = "社区名称,户数,常住人口\n乐山小区社区,1234,约3000\n舜玉社区居委会,—,２，５００\n";

    @TempDir
    Path dir;

    @Test
    void streamsEverySheetWithTitlesMergedCellsNumbersDatesAndFormulas() throws IOException {
        Path file = new TestWorkbook()
                .sheet("填表说明", List.of(row("请按实际填写")))
                .sheet(
                        "月报",
                        List.of(
                                row("青山区先锋路街道2023年1月社区工作月报表"),
                                row("社区名称", "户数", "办公服务用房面积(㎡)", "填报日期", "合计人口"),
                                row("乐山小区", 1234, 320.5, LocalDate.of(2023, 2, 3), "=B3+B4"),
                                row("兴胜社区", 12345678901L, 300, null, null)))
                .merge("月报", "A1:E1")
                .merge("月报", "D3:D4")
                .write(dir.resolve("report.xlsx"));

        List<Sheet> sheets = TableFileReader.read(file);

        assertThat(sheets).extracting(Sheet::name).containsExactly("填表说明", "月报");
        List<SheetRow> rows = sheets.get(1).rows();
        assertThat(rows).extracting(SheetRow::line).as("1-based row numbers").containsExactly(1, 2, 3, 4);
        assertThat(rows.get(0).cells())
                .as("the merged title fills its region")
                .containsExactly(
                        "青山区先锋路街道2023年1月社区工作月报表",
                        "青山区先锋路街道2023年1月社区工作月报表",
                        "青山区先锋路街道2023年1月社区工作月报表",
                        "青山区先锋路街道2023年1月社区工作月报表",
                        "青山区先锋路街道2023年1月社区工作月报表");
        assertThat(rows.get(2).cells())
                .as("plain digits, ISO date, the formula's cached value")
                .containsExactly("乐山小区", "1234", "320.5", "2023-02-03", "12345680135");
        assertThat(rows.get(3).cells())
                .as("a large number is never scientific; a vertically merged cell repeats")
                .containsExactly("兴胜社区", "12345678901", "300", "2023-02-03");
    }

    @ParameterizedTest(name = "[{index}] break {0}")
    @ValueSource(strings = {"\r", "\r\n", "\n"})
    void aLineBreakInsideAQuotedCellStaysInTheCellAndLinesStayRight(String lineBreak) throws IOException {
        String text = "社区名称,户数\r\n\"乐山" + lineBreak + "社区\",12\r\n兴胜社区,13\r\n\"富强\r\n" + lineBreak + "社区\",14\r\n";
        Path file = Files.writeString(dir.resolve("break.csv"), text, StandardCharsets.UTF_8);

        List<SheetRow> rows = TableFileReader.read(file).get(0).rows();

        assertThat(rows).as("no phantom row").hasSize(4);
        assertThat(rows.get(1).cells()).containsExactly("乐山" + lineBreak + "社区", "12");
        assertThat(rows)
                .extracting(SheetRow::line)
                .as("each record on the physical line it starts on")
                .containsExactly(1, 2, 4, 5);
    }

    @Test
    void aTruncatedWorkbookIsUnreadable() throws IOException {
        Path whole = new TestWorkbook()
                .sheet("表", List.of(row("社区名称", "户数"), row("乐山", 1)))
                .write(dir.resolve("whole.xlsx"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> TableFileReader.read(truncated))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("truncated.xlsx");
    }

    @Test
    void bytesThatAreNoWorkbookAreUnreadable() throws IOException {
        Path fake = Files.write(dir.resolve("fake.xlsx"), TEXT.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TableFileReader.read(fake)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.xlsx", "empty.csv"})
    void anEmptyFileHasNoRows(String name) throws IOException {
        Path empty = Files.write(dir.resolve(name), new byte[0]);

        assertThat(TableFileReader.read(empty))
                .allSatisfy(sheet -> assertThat(sheet.rows()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-8 (BOM)", "GBK", "GB18030"})
    void detectsTheEncodingOfACsvFile(String encoding) throws IOException {
        byte[] bytes = switch (encoding) {
            case "UTF-8 (BOM)" ->
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8));
            default -> TEXT.getBytes(Charset.forName(encoding));
        };
        Path file = Files.write(dir.resolve("report.csv"), bytes);

        Sheet sheet = TableFileReader.read(file).get(0);

        assertThat(sheet.rows())
                .extracting(SheetRow::cells)
                .containsExactly(
                        List.of("社区名称", "户数", "常住人口"),
                        List.of("乐山小区社区", "1234", "约3000"),
                        List.of("舜玉社区居委会", "—", "２，５００"));
        if (encoding.startsWith("GB")) {
            assertThat(sheet.charset())
                    .as("GBK is read as its superset GB18030")
                    .startsWith("GB18030");
        } else {
            assertThat(sheet.charset()).as("detected, never assumed").isEqualTo(encoding);
        }
    }

    @Test
    void gb18030TextBeyondGbkIsRead() throws IOException {
        String text = "社区名称,户数\n𠀾䶮社区,12\n"; // characters GBK cannot encode
        Path file = Files.write(dir.resolve("ext.csv"), text.getBytes(Charset.forName("GB18030")));

        assertThat(TableFileReader.read(file).get(0).rows().get(1).cells()).containsExactly("𠀾䶮社区", "12");
    }

    @Test
    void binaryGarbageIsNoCsvText() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.csv"), garbage);

        assertThatThrownBy(() -> TableFileReader.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("text in none of");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
