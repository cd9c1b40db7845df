package io.shequ.warehouse.bulletin;

import io.shequ.warehouse.IndicatorValue;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Section 3: grid events per month, by category and channel, and disposal hours by street. */
final class EventsSection {

    private EventsSection() {}

    static void render(BulletinFigures f, ChartSet charts, Html html) {
        html.section("events").heading(2, "三、网格事件", "Grid events");
        html.raw(charts.line(
                "events-monthly",
                "每月事件数 Events per month",
                f.months().stream().map(m -> m.month() + "月").toList(),
                new ChartSet.Series(
                        "事件 events",
                        f.months().stream().map(m -> (double) m.events()).toList()),
                "件"));
        breakdownBars(f, charts, html, "category:", "events-category", "按类别 By category");
        breakdownBars(f, charts, html, "channel:", "events-channel", "按渠道 By channel");
        List<IndicatorValue> means = f.childValues("dispose_hours", "").stream()
                .sorted(Comparator.comparing(Figures::plotted).reversed())
                .toList();
        if (!means.isEmpty()) {
            List<Double> medians = means.stream()
                    .map(v -> f.childValues("dispose_hours", "median").stream()
                            .filter(m -> m.divisionCode().equals(v.divisionCode()))
                            .findFirst()
                            .map(Figures::plotted)
                            .orElse(null))
                    .toList();
            html.raw(charts.bar(
                    "events-dispose-hours",
                    "处置时长 Disposal hours",
                    means.stream().map(IndicatorValue::divisionName).toList(),
                    List.of(
                            new ChartSet.Series(
                                    "平均 mean",
                                    means.stream().map(Figures::plotted).toList()),
                            new ChartSet.Series("中位数 median", medians)),
                    "小时",
                    true,
                    null,
                    null));
        }
        html.close("section");
    }

    private static void breakdownBars(
            BulletinFigures f, ChartSet charts, Html html, String prefix, String id, String title) {
        List<IndicatorValue> values = f.breakdowns("events", prefix).stream()
                .sorted(Comparator.comparing(Figures::plotted).reversed())
                .toList();
        if (values.isEmpty()) {
            return;
        }
        List<String> names = values.stream()
                .map(v -> label(f, "events", v.breakdown().substring(prefix.length())))
                .toList();
        html.raw(charts.bar(
                id,
                title,
                names,
                List.of(new ChartSet.Series(
                        "事件 events", values.stream().map(Figures::plotted).toList())),
                "件",
                false,
                null,
                null));
    }

    /** A taxonomy code with its published name, or the code as it stands. */
    static String label(BulletinFigures f, String indicator, String code) {
        return Optional.ofNullable(f.categoryNames().get(indicator + "/" + code))
                .orElse(code);
    }
}
