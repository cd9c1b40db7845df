package io.shequ.schemas.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LooseDateTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "2023-03-01", "2023/3/1", "2023.3.1", "2023年3月1日", "2023年3月1", "20230301",
            "２０２３年３月１日", " 2023 - 03 - 01 ", "2023/03/01", "２０２３０３０１"})
    void readsEveryWayLedgersWriteOneDay(String raw) {
        assertThat(LooseDate.parse(raw)).contains(LocalDate.of(2023, 3, 1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(strings = {
            "2023-02-30", "2023-13-01", "2023-00-10", "230301", "2023-3", "2023年3月",
            "三月一日", "2023-03-01 至 2023-04-01", "x2023-03-01", "2023030", "202303011"})
    void refusesWhatIsNotExactlyOneValidDay(String raw) {
        assertThat(LooseDate.parse(raw)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "2023-01-01至2023-12-31|2023-01-01|2023-12-31",
            "2023年1月1日 到 2023年12月31日|2023-01-01|2023-12-31",
            "2023.1.1～2023.12.31|2023-01-01|2023-12-31",
            "2023/1/1~2023/12/31|2023-01-01|2023-12-31",
            "2023-01-01-2023-12-31|2023-01-01|2023-12-31",
            "20230101-20231231|2023-01-01|2023-12-31",
            "2023-01-01—2023-06-30|2023-01-01|2023-06-30",
            "2023年1月1日－2023年6月30日|2023-01-01|2023-06-30",
            "2023-05-01至2023-05-01|2023-05-01|2023-05-01"})
    void readsPeriodsWithEitherSeparator(String raw, LocalDate start, LocalDate end) {
        assertThat(LooseDate.parseRange(raw)).contains(new LooseDate.Range(start, end));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(strings = {
            "2023-12-31至2023-01-01", "2023-01-01", "2023-01-01至", "至2023-12-31",
            "2023-01-01至2023-02-30", "全年", "2023-01-01 至 2023-06-30 至 2023-12-31"})
    void refusesPeriodsThatAreNotTwoDatesInOrder(String raw) {
        assertThat(LooseDate.parseRange(raw)).isEmpty();
    }
}
