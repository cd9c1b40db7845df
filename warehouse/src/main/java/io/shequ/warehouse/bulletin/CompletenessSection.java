package io.shequ.warehouse.bulletin;

/**
 * Section 5: how complete the data is per street office: reports received against expected
 * ({@code mart_report_completeness}), and what its inputs had quarantined, resolved, missed and
 * found (the snapshot's {@code dq_} tables).
 */
final class CompletenessSection {

    private CompletenessSection() {}

    static void render(BulletinFigures f, Html html) {
        html.section("completeness").heading(2, "五、数据完整性", "How complete the data is");
        html.heading(3, "街道报表：实报与应报", "Street-office reports received against expected");
        html.raw("<table class=\"completeness\">\n")
                .headerRow(
                        new String[] {"街道", "Street office"},
                        new String[] {"应报社区月数", "Community-months expected"},
                        new String[] {"实报", "Received"},
                        new String[] {"报送社区", "Communities reporting"},
                        new String[] {"未报送月份", "Months missing"});
        html.raw("<tbody>\n");
        for (BulletinFigures.ReportCompleteness c : f.completeness()) {
            html.raw(c.incomplete() ? "<tr class=\"incomplete\">" : "<tr>")
                    .raw("<td>")
                    .text(c.divisionName())
                    .raw(c.incomplete() ? " <sup class=\"mark\">※</sup>" : "")
                    .raw("</td><td>")
                    .text(Long.toString(c.reportsExpected()))
                    .raw("</td><td>")
                    .text(Long.toString(c.reportsReceived()))
                    .raw("</td><td>")
                    .text(c.communitiesReporting() + " / " + c.communitiesExpected())
                    .raw("</td><td>")
                    .text(c.missingMonths().isEmpty() ? "—" : c.missingMonths())
                    .raw("</td></tr>\n");
        }
        html.raw("</tbody></table>\n");
        inputs(f.inputs(), html);
        html.close("section");
    }

    private static void inputs(InputQualityFigures record, Html html) {
        html.heading(3, "隔离的行（按原因）", "Rows quarantined by reason");
        html.raw("<table class=\"quarantined\">\n")
                .headerRow(
                        new String[] {"来源", "Source"},
                        new String[] {"街道", "Office"},
                        new String[] {"规则", "Rule"},
                        new String[] {"行数", "Rows"},
                        new String[] {"整文件", "Whole files"})
                .raw("<tbody>\n");
        record.quarantined()
                .forEach(q ->
                        html.row(q.source(), q.office(), q.rule(), Long.toString(q.rows()), Long.toString(q.files())));
        html.raw("</tbody></table>\n");
        html.heading(3, "名称解析", "Names resolved");
        html.raw("<table class=\"resolution\">\n")
                .headerRow(
                        new String[] {"来源", "Source"},
                        new String[] {"名称", "Names"},
                        new String[] {"已解析", "Resolved"},
                        new String[] {"有歧义", "Ambiguous"},
                        new String[] {"未知", "Unknown"})
                .raw("<tbody>\n");
        record.resolution()
                .forEach(r -> html.row(
                        r.source(),
                        Long.toString(r.names()),
                        Long.toString(r.resolved()),
                        Long.toString(r.ambiguous()),
                        Long.toString(r.unknown())));
        html.raw("</tbody></table>\n");
        html.heading(3, "迟报和缺报的分区", "Late and missing partitions");
        html.raw("<table class=\"partitions\">\n")
                .headerRow(
                        new String[] {"来源", "Source"},
                        new String[] {"分区", "Partition"},
                        new String[] {"状态", "State"},
                        new String[] {"应到", "Due"})
                .raw("<tbody>\n");
        record.partitions().forEach(p -> html.row(p.source(), p.key(), p.state(), p.due()));
        html.raw("</tbody></table>\n");
        html.heading(3, "未识别的表头和类别", "Unmapped headers and categories");
        html.raw("<table class=\"findings\">\n")
                .headerRow(
                        new String[] {"类型", "Kind"},
                        new String[] {"来源", "Source"},
                        new String[] {"街道", "Office"},
                        new String[] {"次数", "Findings"})
                .raw("<tbody>\n");
        record.findings().forEach(x -> html.row(x.kind(), x.source(), x.office(), Long.toString(x.count())));
        html.raw("</tbody></table>\n");
    }
}
