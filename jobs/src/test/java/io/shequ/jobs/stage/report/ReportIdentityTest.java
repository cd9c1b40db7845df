package io.shequ.jobs.stage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.period.ReportPeriod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportIdentityTest {

    @ParameterizedTest(name = "[{index}] {0} | {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // from the file name
                "先锋路街道_2023年01月社区工作月报.xlsx|-|先锋路街道|-|2023-01",
                "先锋路街道_2023年第一季度社区工作报表.xlsx|-|先锋路街道|-|2023Q1",
                "2023年1月先锋路街道办事处社区工作月报.csv|-|先锋路街道办事处|-|2023-01",
                // from the title row, district included
                "月报.xlsx|青山区先锋路街道2023年1月社区工作月报表|先锋路街道|青山区|2023-01",
                "report.csv|济南市市中区舜玉路街道 2023年第三季度社区基本情况统计表|舜玉路街道|市中区|2023Q3",
                "data.xlsx|包头市青山区富强路街道2023年度第四季度报表|富强路街道|青山区|2023Q4",
                "data.xlsx|兴隆镇2023年2月村（社区）统计表|兴隆镇|-|2023-02",
                "data.xlsx|2023年第二季度 济南市市中区六里山街道社区报表|六里山街道|市中区|2023Q2",
                // from the folder it sits in
                "先锋路街道/2023-01.csv|-|先锋路街道|-|2023-01",
                "2023/先锋路街道/2023年第二季度.csv|社区工作报表|先锋路街道|-|2023Q2",
                // mixed: the street from the folder, the period from the title
                "先锋路街道/报表.xlsx|2023年1-3月社区工作报表|先锋路街道|-|2023Q1"
            })
    void readsStreetAndPeriodFromWhatTheFileSays(
            String location, String title, String street, String district, String period)
            throws ReportIdentity.Unknown {
        ReportIdentity id = ReportIdentity.of(location, title == null ? "" : title);

        assertThat(id.streetHint()).isEqualTo(street);
        assertThat(id.districtHint())
                .as("district only when the title names one")
                .isEqualTo(district);
        assertThat(id.period()).isEqualTo(ReportPeriod.find(period).orElseThrow());
    }

    @ParameterizedTest(name = "[{index}] {0} | {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "2023年01月社区工作月报.xlsx|社区基本情况统计表|UNKNOWN_STREET_OFFICE|street office cannot",
                "reports/2023-01.csv|-|UNKNOWN_STREET_OFFICE|street office cannot",
                "先锋路街道_社区工作月报.xlsx|青山区先锋路街道社区工作报表|UNKNOWN_PERIOD|period cannot",
                "先锋路街道/报表.csv|-|UNKNOWN_PERIOD|period cannot",
                "报表.xlsx|社区工作报表|UNKNOWN_STREET_OFFICE|neither the street office nor the period",
                "先锋路街道_2024-02-30.csv|-|UNKNOWN_PERIOD|'2024-02-30' in the file name, title or folder is no day of the calendar",
                "先锋路街道_2024年2月30日.csv|-|UNKNOWN_PERIOD|is no day of the calendar",
                "先锋路街道_20240230.csv|-|UNKNOWN_PERIOD|is no day of the calendar",
                "2024-02-30/先锋路街道.csv|-|UNKNOWN_PERIOD|is no day of the calendar",
                "先锋路街道_报表.xlsx|先锋路街道2023年2月29日报表|UNKNOWN_PERIOD|is no day of the calendar"
            })
    void saysWhichPartCannotBeTold(String location, String title, RejectRule rule, String message) {
        assertThatThrownBy(() -> ReportIdentity.of(location, title == null ? "" : title))
                .isInstanceOf(ReportIdentity.Unknown.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ReportIdentity.Unknown) e).rule()).isEqualTo(rule));
    }
}
