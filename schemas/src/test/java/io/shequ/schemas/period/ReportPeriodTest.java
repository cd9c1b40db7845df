package io.shequ.schemas.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.period.ReportPeriod.Kind;
import java.time.LocalDate;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportPeriodTest {

    @Test
    void aMonth() {
        ReportPeriod march = ReportPeriod.month(2023, 3);
        assertThat(march).isEqualTo(new ReportPeriod(2023, 3, 3, Kind.MONTH));
        assertThat(march.start()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(march.end()).isEqualTo(LocalDate.of(2023, 3, 31));
        assertThat(march.label()).isEqualTo("2023-03");
        assertThat(ReportPeriod.month(2024, 2).end()).as("2024 is a leap year").isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ReportPeriod.month(2023, 2).end()).isEqualTo(LocalDate.of(2023, 2, 28));
    }

    @Test
    void aQuarter() {
        ReportPeriod q4 = ReportPeriod.quarter(2023, 4);
        assertThat(q4).isEqualTo(new ReportPeriod(2023, 10, 12, Kind.QUARTER));
        assertThat(q4.start()).isEqualTo(LocalDate.of(2023, 10, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(q4.label()).isEqualTo("2023Q4");
        assertThat(ReportPeriod.quarter(2023, 1).label()).isEqualTo("2023Q1");
        assertThat(ReportPeriod.quarter(2023, 2).end()).isEqualTo(LocalDate.of(2023, 6, 30));
    }

    @Test
    void theConstructorRejectsShapesThatAreNeitherMonthNorQuarter() {
        assertThatThrownBy(() -> new ReportPeriod(2023, 2, 4, Kind.QUARTER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportPeriod(2023, 1, 2, Kind.MONTH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportPeriod.month(2023, 13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportPeriod.quarter(2023, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportPeriod(2023, 1, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2023年01月|2023-01",
                "2023年1月|2023-01",
                "2023年12月|2023-12",
                "2023-01|2023-01",
                "2023.01|2023-01",
                "2023/1|2023-01",
                "202301|2023-01",
                "七里山街道202311社区报表.xlsx|2023-11",
                "七里山街道_202311.csv|2023-11",
                "七里山街道2023年3月社区基本情况统计表|2023-03",
                "２０２３年３月|2023-03",
                "2023 年 3 月|2023-03",
                "2023-03-15 报送|2023-03",
                "2023年第一季度|2023Q1",
                "2023年一季度|2023Q1",
                "2023年第1季度|2023Q1",
                "2023年度第四季度|2023Q4",
                "2023年第三季度社区报表（修订）|2023Q3",
                "2023Q1|2023Q1",
                "2023q2|2023Q2",
                "2023-Q3|2023Q3",
                "report_2023Q4_v2.csv|2023Q4",
                "2023年1-3月|2023Q1",
                "2023年10～12月|2023Q4",
                "2023年第二季度（2023年4月至6月）|2023Q2"
            })
    void findsThePeriodInATitleOrFileName(String text, String label) {
        assertThat(ReportPeriod.find(text))
                .as("'%s'", text)
                .map(ReportPeriod::label)
                .contains(label);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "社区基本情况统计表",
                "2023年度",
                "2023年",
                "20230115",
                "2023-13",
                "2023年13月",
                "1202301",
                "2023011",
                "202300",
                "188801",
                "2023年1-2月",
                "2023年第五季度",
                "电话13800138000"
            })
    void findsNothingWhenThePeriodCannotBeTold(String text) {
        assertThat(ReportPeriod.find(text)).as("'%s' names no period", text).isEmpty();
    }

    @Test
    void theLabelIsReadBack() {
        for (ReportPeriod period : new ReportPeriod[] {ReportPeriod.month(2023, 3), ReportPeriod.quarter(2023, 1)}) {
            assertThat(ReportPeriod.find(period.label())).as("label round trip").contains(period);
        }
    }

    @Test
    void theFirstPeriodInTheTextWins() {
        assertThat(ReportPeriod.find("2023年3月报表（2023-04-02修订）")).contains(ReportPeriod.month(2023, 3));
    }

    @Test
    void aDayTheCalendarDoesNotHaveIsFoundSoItsMonthIsNotReadOffIt() {
        Assertions.assertThat(ReportPeriod.impossibleDay("先锋路街道_2024-02-30")).contains("2024-02-30");
        Assertions.assertThat(ReportPeriod.impossibleDay("先锋路街道_2024-02-29")).isEmpty();
        Assertions.assertThat(ReportPeriod.impossibleDay("先锋路街道_2024-02")).isEmpty();
    }
}
