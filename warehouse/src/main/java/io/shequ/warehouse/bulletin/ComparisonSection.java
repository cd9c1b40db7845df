package io.shequ.warehouse.bulletin;

import io.shequ.warehouse.IndicatorValue;
import java.util.Comparator;
import java.util.List;

/** Section 2: the streets (or districts) ranked on five indicators, with the national references. */
final class ComparisonSection {

    /** National references (docs/bulletin.md): staff per 10,000 residents and service space per 100 households. */
    static final double STAFF_PER_10K_REFERENCE = 18;

    static final double SPACE_PER_100HH_REFERENCE = 30;

    private ComparisonSection() {}

    static void render(BulletinFigures f, ChartSet charts, Html html) {
        boolean city = "district".equals(f.childLevel());
        html.section("compared")
                .heading(2, city ? "二、各区县比较" : "二、各街道比较", city ? "Districts compared" : "Streets compared");
        chart(f, charts, html, "close_rate", "结案率 Closure rate", null, null);
        chart(f, charts, html, "ontime_rate", "按期结案率 On-time closure rate", null, null);
        chart(f, charts, html, "satisfaction", "满意率 Satisfaction rate", null, null);
        chart(
                f,
                charts,
                html,
                "staff_per_10k",
                "每万居民社区工作者数 Staff per 10,000 residents",
                STAFF_PER_10K_REFERENCE,
                "全国参考 18 national reference");
        chart(
                f,
                charts,
                html,
                "space_per_100hh",
                "每百户服务用房面积 Service space per 100 households",
                SPACE_PER_100HH_REFERENCE,
                "全国参考 30 m² national reference");
        html.raw("<p class=\"note\">")
                .text("※ 该街道报表不完整。")
                .raw(" <span class=\"en\">")
                .text("※ the office's reports are incomplete.")
                .raw("</span></p>\n");
        html.close("section");
    }

    private static void chart(
            BulletinFigures f,
            ChartSet charts,
            Html html,
            String indicator,
            String title,
            Double reference,
            String referenceLabel) {
        List<IndicatorValue> ranked = f.childValues(indicator, "").stream()
                .sorted(Comparator.comparing(Figures::plotted).reversed())
                .toList();
        if (ranked.isEmpty()) {
            html.raw("<p class=\"empty\">")
                    .text(title + "：无数据 no published values")
                    .raw("</p>\n");
            return;
        }
        boolean fromReports = HeadlineSection.FROM_REPORTS.contains(indicator);
        List<String> names = ranked.stream()
                .map(v -> v.divisionName() + (fromReports && f.reportsIncomplete(v.divisionCode()) ? " ※" : ""))
                .toList();
        String unit = Figures.isRatio(ranked.get(0)) ? "%" : ranked.get(0).unit();
        html.raw(charts.bar(
                "compare-" + indicator,
                title,
                names,
                List.of(new ChartSet.Series(
                        title, ranked.stream().map(Figures::plotted).toList())),
                unit,
                true,
                reference,
                referenceLabel));
    }
}
