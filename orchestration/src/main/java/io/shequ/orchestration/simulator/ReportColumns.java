package io.shequ.orchestration.simulator;

import java.util.List;

/** The canonical header of a street-office report: the name column, then thirteen figures. */
final class ReportColumns {

    static final String NAME = "社区名称";

    static final List<String> VALUES = List.of(
            "户数", "户籍人口", "常住人口", "专职工作人员", "持证社工", "办公服务用房面积(㎡)", "注册志愿者",
            "社区社会组织", "协商议事平台", "协商议事会议次数", "公共事务议定数", "民生事项议定数", "矛盾纠纷化解数");

    static final List<String> HEADER = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(NAME), VALUES.stream()).toList();

    private ReportColumns() {
    }
}
