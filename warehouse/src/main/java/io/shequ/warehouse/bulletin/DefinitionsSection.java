package io.shequ.warehouse.bulletin;

/** Section 6: each indicator's names and definition from {@code dim_indicator}, and how to trace it. */
final class DefinitionsSection {

    private DefinitionsSection() {}

    static void render(BulletinFigures f, Html html) {
        html.section("definitions").heading(2, "六、指标定义", "Definitions");
        html.raw("<table class=\"definitions\">\n")
                .headerRow(new String[] {"指标", "Indicator"}, new String[] {"定义", "Definition"}, new String[] {
                    "追溯", "Trace it with"
                })
                .raw("<tbody>\n");
        for (BulletinFigures.Definition d : f.definitions()) {
            html.raw("<tr><td>")
                    .text(d.nameZh())
                    .raw("<br><span class=\"en\">")
                    .text(d.nameEn())
                    .raw(" (")
                    .text(d.indicator())
                    .raw(")</span></td><td>")
                    .text(d.definitionEn())
                    .raw("</td><td><code>")
                    .text("./shequ explain --home HOME --indicator " + d.indicator() + " --division " + f.divisionCode()
                            + " --year " + f.year())
                    .raw("</code></td></tr>\n");
        }
        html.raw("</tbody></table>\n").close("section");
    }
}
