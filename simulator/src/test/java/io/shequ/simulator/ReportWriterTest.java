package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.simulator.SimulatedDistrict.Street;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    static Path out;

    private static SimulationResult result;
    private static SimulatedDistrict district;
    private static List<Map<String, String>> truth;

    @BeforeAll
    static void simulate() throws Exception {
        result = SourceSimulator.generate(SampleFiles.SMALL, out);
        district = SimulatedDistrict.load(SampleFiles.SMALL.district());
        truth = SampleFiles.groundTruth(result.groundTruthFolder().resolve("report-rows.csv"));
    }

    @Test
    void writesOneFilePerStreetAndMonth() {
        assertThat(district.streets()).as("济南市市中区 has 17 street offices").hasSize(17);
        for (Street street : district.streets()) {
            for (int month = 1; month <= 2; month++) {
                String stem = String.format("%s_2023年%02d月社区工作月报", street.name(), month);
                Path folder = result.streetOfficeFolder().resolve(street.name());
                assertThat(Files.exists(folder.resolve(stem + ".xlsx")) ^ Files.exists(folder.resolve(stem + ".csv")))
                        .as("exactly one report for %s month %d", street.name(), month)
                        .isTrue();
            }
        }
        assertThat(result.reportFiles()).isEqualTo(17 * 2);
        assertThat(result.reportRows())
                .as("216 village-level units × 2 months")
                .isEqualTo(216 * 2)
                .isEqualTo(truth.size());
    }

    @Test
    void groundTruthLinesPointAtTheWrittenNames() throws Exception {
        Map<String, Map<Integer, List<String>>> sheets = new HashMap<>();
        Map<String, List<String>> csvs = new HashMap<>();
        for (Map<String, String> row : truth) {
            Path file = out.resolve(row.get("file"));
            int line = Integer.parseInt(row.get("line"));
            String firstCell;
            if (row.get("file").endsWith(".xlsx")) {
                Map<Integer, List<String>> sheet = sheets.computeIfAbsent(row.get("file"), f -> read(file));
                firstCell = sheet.get(line).get(0);
            } else {
                List<String> lines = csvs.computeIfAbsent(row.get("file"), f -> csv(file));
                firstCell = lines.get(line - 1).split(",", -1)[0];
            }
            assertThat(firstCell).as("%s line %d", row.get("file"), line).isEqualTo(row.get("written_name"));
            assertThat(row.get("community_code"))
                    .as("a village-level code of the street")
                    .startsWith(row.get("street_code").substring(0, 9));
        }
    }

    @Test
    void xlsxReportsCarryTitleHeaderTotalAndFooter() {
        Map.Entry<String, List<Map<String, String>>> anyXlsx = truth.stream()
                .filter(r -> r.get("file").endsWith(".xlsx"))
                .collect(Collectors.groupingBy(r -> r.get("file")))
                .entrySet()
                .iterator()
                .next();
        Map<Integer, List<String>> sheet = read(out.resolve(anyXlsx.getKey()));
        int communities = anyXlsx.getValue().size();

        assertThat(sheet.get(1).get(0)).as("title row").startsWith("济南市市中区").endsWith("社区工作月报表");
        assertThat(sheet.get(2)).as("canonical header").isEqualTo(ReportColumns.HEADER);
        assertThat(sheet.get(3 + communities).get(0))
                .as("合计 after the last community")
                .isEqualTo("合计");
        assertThat(sheet.get(4 + communities).get(0)).as("footer").startsWith("填报人：");
    }

    @Test
    void csvReportsStartWithTheHeader() {
        truth.stream()
                .map(r -> r.get("file"))
                .filter(f -> f.endsWith(".csv"))
                .distinct()
                .forEach(file -> {
                    List<String> lines = csv(out.resolve(file));
                    assertThat(lines.get(0)).as("%s header", file).isEqualTo(String.join(",", ReportColumns.HEADER));
                });
    }

    @Test
    void withoutMessEveryRowIsStagedWithTheFiguresAsWritten() {
        Map<String, Map<Integer, List<String>>> sheets = new HashMap<>();
        for (Map<String, String> row : truth) {
            assertThat(row.get("outcome")).as("no bad values without mess").isEqualTo("staged");
            assertThat(row.get("rule")).isEmpty();
            assertThat(row.get("mess")).as("no mess kinds").isEmpty();
            List<String> cells = sheets.computeIfAbsent(row.get("file"), f -> read(out.resolve(f)))
                    .get(Integer.parseInt(row.get("line")));
            assertThat(row.get("community_name")).isEqualTo(cells.get(0).strip());
            for (int c = 0; c < ReportColumns.FIELDS.size(); c++) {
                String field = ReportColumns.FIELDS.get(c);
                assertThat(new BigDecimal(cells.get(c + 1)))
                        .as("%s line %s %s", row.get("file"), row.get("line"), field)
                        .isEqualByComparingTo(row.get(field));
            }
        }
    }

    @Test
    void filesListEveryReportAsLoaded() throws Exception {
        List<Map<String, String>> files =
                SampleFiles.groundTruth(result.groundTruthFolder().resolve("files.csv"));
        List<Map<String, String>> reports =
                files.stream().filter(f -> f.get("kind").equals("report")).toList();
        assertThat(reports).hasSize(result.reportFiles());
        assertThat(reports).allSatisfy(f -> {
            assertThat(f.get("outcome")).isEqualTo("loaded");
            assertThat(f.get("format")).isEqualTo("xlsx");
            assertThat(Files.exists(out.resolve(f.get("file")))).isTrue();
        });
        assertThat(reports.stream()
                        .mapToInt(f -> Integer.parseInt(f.get("rows")))
                        .sum())
                .as("rows per file add up to the row truth")
                .isEqualTo(truth.size());
    }

    private static Map<Integer, List<String>> read(Path file) {
        try {
            return SampleFiles.sheetRows(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> csv(Path file) {
        try {
            return SampleFiles.csvLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
