package io.shequ.simulator;

import io.shequ.schemas.contract.FieldSpec;
import io.shequ.schemas.contract.SourceContract;
import java.util.List;
import java.util.stream.Stream;

/**
 * The columns of a street-office report: the name column, then thirteen figures, by the field
 * names of the street-office report contract, with the canonical header an office writes when it
 * keeps to the template and the other spellings the contract accepts (header aliases).
 */
final class ReportColumns {

    static final String NAME = "社区名称";
    static final String NAME_FIELD = "community_name";

    /** Contract field names of the figures, in column order. */
    static final List<String> FIELDS = List.of(
            "households",
            "registered_population",
            "resident_population",
            "fulltime_staff",
            "social_workers",
            "office_area_m2",
            "volunteers",
            "social_orgs",
            "consult_platforms",
            "consult_meetings",
            "matters_public",
            "matters_livelihood",
            "matters_disputes");

    /** The template's spelling of each figure, in the order of {@link #FIELDS}. */
    static final List<String> VALUES = List.of(
            "户数",
            "户籍人口",
            "常住人口",
            "专职工作人员",
            "持证社工",
            "办公服务用房面积(㎡)",
            "注册志愿者",
            "社区社会组织",
            "协商议事平台",
            "协商议事会议次数",
            "公共事务议定数",
            "民生事项议定数",
            "矛盾纠纷化解数");

    static final List<String> HEADER =
            Stream.concat(Stream.of(NAME), VALUES.stream()).toList();

    /** A unit an office writes into a cell of each figure (㎡ for the area, 人 for people ...). */
    static final List<String> UNITS = List.of("户", "人", "人", "人", "人", "㎡", "人", "个", "个", "次", "件", "件", "件");

    /** Flows add up over a quarter; the figures before the first flow are stocks taken at the period's end. */
    static final int FIRST_FLOW = FIELDS.indexOf("consult_meetings");

    static final int AREA = FIELDS.indexOf("office_area_m2");
    static final int RESIDENTS = FIELDS.indexOf("resident_population");

    private static final SourceContract CONTRACT = SourceContract.load(SourceContract.STREET_OFFICE_REPORT);

    private ReportColumns() {}

    /** Every spelling the contract accepts for a field (the canonical name excepted: no office writes it). */
    static List<String> spellings(String field) {
        FieldSpec spec =
                CONTRACT.field(field).orElseThrow(() -> new IllegalStateException("no contract field " + field));
        return spec.aliases();
    }
}
