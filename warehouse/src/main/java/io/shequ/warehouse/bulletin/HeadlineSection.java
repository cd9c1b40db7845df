package io.shequ.warehouse.bulletin;

import io.shequ.warehouse.IndicatorValue;
import java.util.Optional;
import java.util.Set;

/** Section 1: every indicator of the catalogue, its headline value, the fraction behind it and the change. */
final class HeadlineSection {

    /** Indicators whose figures rest on the street-office reports (counts of residents, staff, space...). */
    static final Set<String> FROM_REPORTS = Set.of(
            "office_ok",
            "staff_avg",
            "staff_per_10k",
            "social_workers",
            "volunteer_rate",
            "social_orgs",
            "space_per_100hh",
            "consult",
            "events",
            "disputes");

    private HeadlineSection() {}

    static void render(BulletinFigures f, Html html) {
        boolean incomplete = f.reportsIncomplete(f.divisionCode());
        html.section("headline").heading(2, "一、主要指标", "Headline figures");
        html.raw("<table class=\"headline\">\n")
                .headerRow(
                        new String[] {"指标", "Indicator"},
                        new String[] {"数值", "Value"},
                        new String[] {"分子 / 分母", "Numerator / denominator"},
                        new String[] {"比上年", "Change from " + (f.year() - 1)});
        html.raw("<tbody>\n");
        for (BulletinFigures.Definition d : f.definitions()) {
            Optional<IndicatorValue> value = f.value(f.year(), d.indicator(), "");
            html.raw("<tr><th scope=\"row\">")
                    .text(d.nameZh())
                    .raw("<br><span class=\"en\">")
                    .text(d.nameEn())
                    .raw("</span></th>");
            if (value.isEmpty()) {
                html.raw("<td class=\"figure missing\" data-indicator=\"")
                        .text(d.indicator())
                        .raw("\" title=\"未发布 not published\">—</td><td></td><td></td></tr>\n");
                continue;
            }
            IndicatorValue v = value.get();
            boolean marked = incomplete && FROM_REPORTS.contains(d.indicator());
            html.raw("<td class=\"figure")
                    .raw(marked ? " incomplete" : "")
                    .raw("\" data-indicator=\"")
                    .text(d.indicator())
                    .raw("\" data-value=\"")
                    .text(v.value() == null ? "" : Double.toString(v.value()))
                    .raw("\" title=\"")
                    .text(Figures.fraction(v))
                    .raw("\">")
                    .text(Figures.display(v))
                    .raw(marked ? "<sup class=\"mark\">※</sup>" : "")
                    .raw("</td>");
            html.raw("<td class=\"fraction\">").text(Figures.fraction(v)).raw("</td>");
            html.raw("<td class=\"change\">")
                    .text(f.value(f.year() - 1, d.indicator(), "")
                            .map(p -> Figures.change(v, p))
                            .orElse("—"))
                    .raw("</td></tr>\n");
        }
        html.raw("</tbody></table>\n");
        if (incomplete) {
            html.raw("<p class=\"note\"><sup class=\"mark\">※</sup> ")
                    .text("基于不完整的街道报表（见第五部分）。")
                    .raw(" <span class=\"en\">")
                    .text("Built on incomplete street-office reports (see section 5).")
                    .raw("</span></p>\n");
        }
        html.close("section");
    }
}
