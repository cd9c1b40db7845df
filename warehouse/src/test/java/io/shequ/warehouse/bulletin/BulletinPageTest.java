package io.shequ.warehouse.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.warehouse.IndicatorValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulletinPageTest {

    @TempDir
    Path dir;

    private static IndicatorValue value(
            int year,
            String code,
            String level,
            String name,
            String indicator,
            String breakdown,
            double numerator,
            Double denominator,
            double value,
            String unit) {
        return new IndicatorValue(
                year,
                code,
                level,
                name,
                indicator,
                breakdown,
                numerator,
                denominator,
                value,
                unit,
                level,
                indicator,
                indicator);
    }

    private static BulletinFigures figures(boolean incomplete) {
        List<IndicatorValue> values = List.of(
                value(2023, "370103000000", "district", "市中区", "close_rate", "", 80, 100.0, 0.8, "ratio"),
                value(2022, "370103000000", "district", "市中区", "close_rate", "", 70, 100.0, 0.7, "ratio"),
                value(2023, "370103000000", "district", "市中区", "staff_per_10k", "", 150, 100000.0, 15, "人/万人"));
        List<IndicatorValue> children = List.of(
                value(2023, "370103002000", "street", "<b>大观园</b>街道", "staff_per_10k", "", 20, 10000.0, 20, "人/万人"),
                value(2023, "370103003000", "street", "杆石桥街道", "staff_per_10k", "", 10, 10000.0, 10, "人/万人"));
        return new BulletinFigures(
                "370103000000",
                "市中区",
                "district",
                2023,
                values,
                children,
                List.of(
                        new BulletinFigures.Definition("close_rate", "结案率", "Closure rate", "closed / registered"),
                        new BulletinFigures.Definition(
                                "staff_per_10k", "每万居民社区工作者数", "Staff per 10,000", "staff / residents × 10,000"),
                        new BulletinFigures.Definition("units", "社区和村数", "Units", "units")),
                List.of(new BulletinFigures.MonthlyEvents(1, 3), new BulletinFigures.MonthlyEvents(2, 5)),
                List.of(new BulletinFigures.ReportCompleteness(
                        "370103002000",
                        "大观园街道",
                        12,
                        5,
                        5,
                        60,
                        incomplete ? 50 : 60,
                        incomplete ? "4,5" : "",
                        incomplete)),
                Map.of(),
                new InputQualityFigures(
                        List.of(
                                new InputQualityFigures.Quarantined(
                                        "street_office_reports", "大观园街道", "negative_value", 3, 0),
                                new InputQualityFigures.Quarantined(
                                        "street_office_reports", "杆石桥街道", "empty_file", 0, 1)),
                        List.of(new InputQualityFigures.Resolution("street_office_reports", 120, 117, 2, 1)),
                        List.of(new InputQualityFigures.LatePartition(
                                "street_office_reports", "370103003000/2023-04", "missing", "2023-05-10")),
                        List.of(new InputQualityFigures.Finding("unmapped_value", "procurement_ledgers", "", 4))));
    }

    @Test
    void headlineFiguresCarryThePublishedValueFractionAndChange() {
        String page = BulletinPage.render(figures(false));
        assertThat(page)
                .as("the exact published value is in the page")
                .contains("data-indicator=\"close_rate\" data-value=\"0.8\"")
                .contains("80%")
                .as("ten points up on 2022")
                .contains("+10 个百分点 pp")
                .contains("分子 numerator 80 / 分母 denominator 100");
        assertThat(page)
                .as("an indicator without a published value is shown as not published")
                .contains("data-indicator=\"units\" title=\"未发布 not published\"");
        assertThat(page)
                .as("a name reaches the charts as JSON text that cannot close its script block")
                .contains("<b>大观园<\\/b>街道")
                .doesNotContain("</b>");
        assertThat(page)
                .as("the staff chart draws the national reference of 18")
                .contains("\"xAxis\":18.0");
        assertThat(page)
                .as("assets are beside the page, nothing from the network")
                .contains("src=\"echarts.min.js\"")
                .doesNotContain("http://", "https://");
    }

    @Test
    void reportFiguresOnIncompleteReportsCarryTheMark() {
        String page = BulletinPage.render(figures(true));
        assertThat(page)
                .contains("class=\"figure incomplete\" data-indicator=\"staff_per_10k\"")
                .contains("class=\"figure\" data-indicator=\"close_rate\"")
                .as("the months the office sent nothing for")
                .contains("<td>4,5</td>");
        assertThat(BulletinPage.render(figures(false))).doesNotContain("figure incomplete");
    }

    @Test
    void theInputsQualityTablesAreShownAsPublished() {
        String page = BulletinPage.render(figures(false));
        assertThat(page)
                .as("rows quarantined by reason")
                .contains("<td>大观园街道</td><td>negative_value</td><td>3</td><td>0</td>")
                .contains("<td>杆石桥街道</td><td>empty_file</td><td>0</td><td>1</td>")
                .as("names resolved")
                .contains("<td>120</td><td>117</td><td>2</td><td>1</td>")
                .as("a missing partition")
                .contains("<td>370103003000/2023-04</td><td>missing</td><td>2023-05-10</td>")
                .as("unmapped categories")
                .contains("<td>unmapped_value</td><td>procurement_ledgers</td><td></td><td>4</td>")
                .doesNotContain("run record", "运行记录");
    }

    @Test
    void theWriterPutsTheChartLibraryBesideThePage() throws Exception {
        Path index = BulletinWriter.write(figures(false), dir.resolve("bulletin"));
        assertThat(index).hasFileName("index.html").exists();
        assertThat(dir.resolve("bulletin/echarts.min.js")).exists();
        assertThat(Files.size(dir.resolve("bulletin/echarts.min.js"))).isGreaterThan(500_000);
        assertThat(dir.resolve("bulletin/bulletin.css")).content().contains("@page { size: A4");
    }
}
