package io.shequ.warehouse.bulletin;

import io.shequ.warehouse.IndicatorValue;
import java.util.Comparator;
import java.util.List;

/** Section 4: purchased services by service year and category, signed amount, projects and providers. */
final class PurchaseSection {

    private PurchaseSection() {}

    static void render(BulletinFigures f, ChartSet charts, Html html) {
        html.section("purchase").heading(2, "四、政府购买服务", "Purchased services");
        List<IndicatorValue> byYear = f.values().stream()
                .filter(v -> v.indicator().equals("purchase") && v.breakdown().isEmpty())
                .sorted(Comparator.comparingInt(IndicatorValue::year))
                .toList();
        html.raw(charts.bar(
                "purchase-year",
                "按服务年度的合同金额 Amount by service year",
                byYear.stream().map(v -> Integer.toString(v.year())).toList(),
                List.of(new ChartSet.Series(
                        "金额 amount", byYear.stream().map(Figures::plotted).toList())),
                "元",
                false,
                null,
                null));
        List<IndicatorValue> byCategory = f.breakdowns("purchase", "category:").stream()
                .sorted(Comparator.comparing(Figures::plotted).reversed())
                .toList();
        if (!byCategory.isEmpty()) {
            html.raw(charts.bar(
                    "purchase-category",
                    "按服务类别 Amount by category (" + f.year() + ")",
                    byCategory.stream()
                            .map(v -> EventsSection.label(
                                    f, "purchase", v.breakdown().substring("category:".length())))
                            .toList(),
                    List.of(new ChartSet.Series(
                            "金额 amount",
                            byCategory.stream().map(Figures::plotted).toList())),
                    "元",
                    true,
                    null,
                    null));
        }
        html.raw("<table class=\"figures\">\n").headerRow(new String[] {"项目", "Item"}, new String[] {"数值", "Value"});
        html.raw("<tbody>\n");
        row(f, html, "signed", "签订金额（按签订年度）", "Signed amount (by year of signing)");
        row(f, html, "projects", "项目数", "Projects");
        row(f, html, "providers", "承接主体数", "Providers");
        row(f, html, "per_resident", "人均金额", "Amount per resident");
        html.raw("</tbody></table>\n").close("section");
    }

    private static void row(BulletinFigures f, Html html, String breakdown, String zh, String en) {
        html.raw("<tr><th scope=\"row\">")
                .text(zh)
                .raw("<br><span class=\"en\">")
                .text(en)
                .raw("</span></th><td");
        f.value(f.year(), "purchase", breakdown)
                .ifPresentOrElse(
                        v -> html.raw(" class=\"figure\" data-indicator=\"purchase/")
                                .text(breakdown)
                                .raw("\" data-value=\"")
                                .text(Double.toString(v.value()))
                                .raw("\" title=\"")
                                .text(Figures.fraction(v))
                                .raw("\">")
                                .text(Figures.display(v)),
                        () -> html.raw(">—"));
        html.raw("</td></tr>\n");
    }
}
