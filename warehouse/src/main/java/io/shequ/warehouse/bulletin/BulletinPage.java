package io.shequ.warehouse.bulletin;

/** The bulletin's HTML: a head naming its assets beside it, the six sections, the chart options. */
final class BulletinPage {

    private BulletinPage() {}

    static String render(BulletinFigures f) {
        Html html = new Html();
        ChartSet charts = new ChartSet();
        String title = f.divisionName() + " " + f.year() + "年社区治理统计公报";
        html.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .text(title)
                .raw("</title>\n<link rel=\"stylesheet\" href=\"bulletin.css\">\n</head>\n<body>\n<header>\n")
                .heading(
                        1,
                        title,
                        "Community governance statistical bulletin, " + f.divisionName() + " (" + f.divisionCode()
                                + "), " + f.year())
                .raw("<p class=\"source\">")
                .text("数据来源：已发布的数据仓库（mart_indicators 等）。")
                .raw(" <span class=\"en\">")
                .text("Source: the published warehouse (mart_indicators and the marts beside it).")
                .raw("</span></p>\n</header>\n<main>\n");
        HeadlineSection.render(f, html);
        ComparisonSection.render(f, charts, html);
        EventsSection.render(f, charts, html);
        PurchaseSection.render(f, charts, html);
        CompletenessSection.render(f, html);
        DefinitionsSection.render(f, html);
        html.raw("</main>\n")
                .raw(charts.script())
                .raw(
                        "<script src=\"echarts.min.js\"></script>\n<script src=\"bulletin.js\"></script>\n</body>\n</html>\n");
        return html.toString();
    }
}
