package io.shequ.schemas.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LooseDateTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "2023-03-01",
                "2023/3/1",
                "2023.3.1",
                "2023年3月1日",
                "2023年3月1",
                "20230301",
                "２０２３年３月１日",
                " 2023 - 03 - 01 ",
                "2023/03/01",
                "２０２３０３０１"
            })
    void readsEveryWayLedgersWriteOneDay(String raw) {
        assertThat(LooseDate.parse(raw)).contains(LocalDate.of(2023, 3, 1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "2023-02-30",
                "2023-13-01",
                "2023-00-10",
                "230301",
                "2023-3",
                "2023年3月",
                "三月一日",
                "2023-03-01 至 2023-04-01",
                "x2023-03-01",
                "2023030",
                "202303011"
            })
    void refusesWhatIsNotExactlyOneValidDay(String raw) {
        assertThat(LooseDate.parse(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-01-01至2023-12-31|2023-01-01|2023-12-31",
                "2023年1月1日 到 2023年12月31日|2023-01-01|2023-12-31",
                "2023.1.1～2023.12.31|2023-01-01|2023-12-31",
                "2023/1/1~2023/12/31|2023-01-01|2023-12-31",
                "2023-01-01-2023-12-31|2023-01-01|2023-12-31",
                "20230101-20231231|2023-01-01|2023-12-31",
                "2023-01-01—2023-06-30|2023-01-01|2023-06-30",
                "2023年1月1日－2023年6月30日|2023-01-01|2023-06-30",
                "2023-05-01至2023-05-01|2023-05-01|2023-05-01"
            })
    void readsPeriodsWithEitherSeparator(String raw, LocalDate start, LocalDate end) {
        assertThat(LooseDate.parseRange(raw)).contains(new LooseDate.Range(start, end));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "2023-12-31至2023-01-01",
                "2023-01-01",
                "2023-01-01至",
                "至2023-12-31",
                "2023-01-01至2023-02-30",
                "全年",
                "2023-01-01 至 2023-06-30 至 2023-12-31"
            })
    void refusesPeriodsThatAreNotTwoDatesInOrder(String raw) {
        assertThat(LooseDate.parseRange(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2017.3.1|2017-03-01|DAY",
                "2017年3月1日|2017-03-01|DAY",
                "2017/03/01|2017-03-01|DAY",
                "42795|2017-03-01|DAY",
                "42795.0|2017-03-01|DAY",
                "43159|2018-02-28|DAY",
                "2017-03|2017-03-01|MONTH",
                "2017年3月|2017-03-01|MONTH",
                "２０１７．０３|2017-03-01|MONTH",
                "2017/12|2017-12-01|MONTH"
            })
    void readsDaysMonthsAndExcelSerialDays(String raw, LocalDate date, LooseDate.Precision precision) {
        assertThat(LooseDate.read(raw)).contains(new LooseDate.Dated(date, precision));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(strings = {"2017-13", "2017-00", "2017", "4279", "427950", "2017-03-32", "三月", "42795.5"})
    void readRefusesWhatIsNoDayMonthOrSerialDay(String raw) {
        assertThat(LooseDate.read(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2017-03至2018-02|2017-03-01|2018-02-28|MONTH",
                "2017年3月-2018年2月|2017-03-01|2018-02-28|MONTH",
                "2017-03-2018-02|2017-03-01|2018-02-28|MONTH",
                "2017-03-01至2018-02|2017-03-01|2018-02-28|MONTH",
                "2024-01~2024-02|2024-01-01|2024-02-29|MONTH",
                "2017.3.1-2018.2.28|2017-03-01|2018-02-28|DAY",
                "42795至43159|2017-03-01|2018-02-28|DAY"
            })
    void readsPeriodsWithTheirPrecision(String raw, LocalDate start, LocalDate end, LooseDate.Precision precision) {
        assertThat(LooseDate.readRange(raw)).contains(new LooseDate.DatedRange(start, end, precision));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2018-02至2017-03", "2017-03", "2017-03至", "全年"})
    void readRangeRefusesWhatIsNotTwoDatesInOrder(String raw) {
        assertThat(LooseDate.readRange(raw)).isEmpty();
    }

    @Test
    void precisionCodesAreWhatStagingStores() {
        assertThat(LooseDate.Precision.DAY.code()).isEqualTo("day");
        assertThat(LooseDate.Precision.MONTH.code()).isEqualTo("month");
    }

    @ParameterizedTest
    @CsvSource({
        "2024-02-30,true",
        "2023年2月29日,true",
        "2023-13,true",
        "20231332,true",
        "2024-02-29,false",
        "0000-01-01,false",
        "乐山社区,false",
        "2023年第一季度,false"
    })
    void aDateTheCalendarDoesNotHaveIsToldFromTextThatIsNoDate(String raw, boolean impossible) {
        Assertions.assertThat(LooseDate.isImpossibleDate(raw)).as(raw).isEqualTo(impossible);
    }
}
