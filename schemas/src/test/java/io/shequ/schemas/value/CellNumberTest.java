package io.shequ.schemas.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.value.ParsedNumber.Outcome;
import java.math.BigDecimal;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellNumberTest {

    @ParameterizedTest(name = "''{0}'' = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "300|300",
                "0|0",
                "  300 |300",
                "\u3000300\u3000|300",
                "１２３４|1234",
                "１２．５|12.5",
                "1,234|1234",
                "1，234|1234",
                "1,234,567.5|1234567.5",
                "１，２３４|1234",
                "3 00|300",
                "300人|300",
                "120户|120",
                "5个|5",
                "3名|3",
                "12次|12",
                "7件|7",
                "2场|2",
                "450㎡|450",
                "450m²|450",
                "450m2|450",
                "450平方米|450",
                "450平米|450",
                "450.5 ㎡|450.5",
                "1.2万|12000",
                "1.2万人|12000",
                "３.５万|35000",
                "12.0|12",
                "-5|-5",
                "－5|-5",
                "+5|5",
                ".5|0.5",
                "1.2E4|12000"
            })
    void readsNumbersAsTyped(String raw, String expected) {
        ParsedNumber parsed = CellNumber.parse(raw);
        assertThat(parsed.outcome())
                .as("'%s' is a number (%s)", raw, parsed.note())
                .isEqualTo(Outcome.VALUE);
        assertThat(parsed.value()).as("'%s'", raw).isEqualByComparingTo(expected);
        assertThat(parsed.note()).as("'%s' is exact", raw).isNull();
    }

    @Test
    void tenThousandsGiveAPlainInteger() {
        assertThat(CellNumber.parse("1.2万").value().toPlainString())
                .as("not 1.2E+4")
                .isEqualTo("12000");
        assertThat(CellNumber.parse("1.2万").asLong()).isEqualTo(12_000L);
    }

    @ParameterizedTest(name = "''{0}'' ~ {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "约300|300",
                "大约300|300",
                "近300|300",
                "约计300人|300",
                "300余|300",
                "300多|300",
                "300余人|300",
                "300多户|300",
                "300人左右|300",
                "1万余人|10000",
                "约1.2万人|12000",
                "约 ３００ ㎡|300"
            })
    void approximationsKeepTheValueAndSaySo(String raw, String expected) {
        ParsedNumber parsed = CellNumber.parse(raw);
        assertThat(parsed.outcome()).as("'%s' (%s)", raw, parsed.note()).isEqualTo(Outcome.VALUE);
        assertThat(parsed.value()).as("'%s'", raw).isEqualByComparingTo(expected);
        assertThat(parsed.note()).as("'%s' is approximate", raw).isEqualTo("approximate");
        assertThat(parsed.isApproximate()).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"—", "——", "-", "--", "－", "/", "／", "暂无", "无", "空", "不详", "N/A", "n/a", " — ", "\u3000暂无"})
    void placeholdersAreNullNeverZero(String raw) {
        ParsedNumber parsed = CellNumber.parse(raw);
        assertThat(parsed.outcome()).as("'%s' says no data", raw).isEqualTo(Outcome.NULL_PLACEHOLDER);
        assertThat(parsed.value()).as("a placeholder is not zero").isNull();
        assertThat(parsed.note()).as("the note names the placeholder").contains(raw.strip());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u3000", "\t\n"})
    void emptyCellsArePlaceholdersToo(String raw) {
        ParsedNumber parsed = CellNumber.parse(raw);
        assertThat(parsed.outcome()).isEqualTo(Outcome.NULL_PLACEHOLDER);
        assertThat(parsed.value()).isNull();
        assertThat(parsed.note()).isEqualTo("empty cell");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(
            strings = {
                "abc",
                "1,2",
                "12,34",
                "1,2345",
                "300元",
                "12-15",
                "30%",
                "1.2.3",
                "万",
                "约",
                "人",
                "三百",
                "1..2",
                "300 300x",
                "0x1F"
            })
    void otherTextIsInvalidWithAReasonNamingIt(String raw) {
        ParsedNumber parsed = CellNumber.parse(raw);
        assertThat(parsed.outcome()).as("'%s' is not a number", raw).isEqualTo(Outcome.INVALID);
        assertThat(parsed.value()).isNull();
        assertThat(parsed.note()).as("the reason quotes the raw text").contains("'" + raw.strip() + "'");
    }

    @Test
    void theReasonReadsAsEnglish() {
        assertThat(CellNumber.parse("abc").note()).isEqualTo("'abc' is not a number");
    }

    @Test
    void countsAreWholeAndNotNegative() {
        assertThat(CellNumber.parseCount("1,234人").asLong()).isEqualTo(1234L);
        assertThat(CellNumber.parseCount("12.0").asLong()).as("12.0 is whole").isEqualTo(12L);
        assertThat(CellNumber.parseCount("1.25万").asLong()).as("12500 is whole").isEqualTo(12_500L);
        assertThat(CellNumber.parseCount("约300").note()).isEqualTo("approximate");
        ParsedNumber fractional = CellNumber.parseCount("12.5");
        assertThat(fractional.outcome()).as("half a person").isEqualTo(Outcome.INVALID);
        assertThat(fractional.note()).contains("'12.5'").contains("whole");
        ParsedNumber negative = CellNumber.parseCount("-3");
        assertThat(negative.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(negative.note()).contains("'-3'").contains("negative");
        assertThat(CellNumber.parseCount("暂无").outcome())
                .as("placeholders pass through")
                .isEqualTo(Outcome.NULL_PLACEHOLDER);
        assertThat(CellNumber.parseCount("abc").outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void areasAllowDecimalsButNotNegatives() {
        assertThat(CellNumber.parseArea("300.5㎡").value()).isEqualByComparingTo("300.5");
        assertThat(CellNumber.parseArea("－20").outcome()).isEqualTo(Outcome.INVALID);
        assertThat(CellNumber.parseArea("—").outcome()).isEqualTo(Outcome.NULL_PLACEHOLDER);
    }

    @Test
    void asLongNeedsAWholeValue() {
        assertThatThrownBy(() -> CellNumber.parse("12.5").asLong()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> CellNumber.parse("暂无").asLong()).isInstanceOf(IllegalStateException.class);
        assertThat(CellNumber.parse("12.5").isIntegral()).isFalse();
        assertThat(CellNumber.parse("0").isIntegral()).isTrue();
    }

    @Test
    void aResultCannotCarryAValueWithoutSayingSo() {
        assertThatThrownBy(() -> new ParsedNumber(BigDecimal.ZERO, Outcome.NULL_PLACEHOLDER, "—"))
                .as("a placeholder with a zero is exactly the mistake this type exists to prevent")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParsedNumber(null, Outcome.VALUE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-320", "1e999999999", "1E+400", "0.0000000000001"})
    void aMagnitudeNoFigureHasIsRefusedBeforeItCanBeRoundedAwayOrBlowUp(String raw) {
        ParsedNumber parsed = CellNumber.parseArea(raw);
        Assertions.assertThat(parsed.outcome()).as(raw).isEqualTo(Outcome.OUT_OF_SCALE);
        Assertions.assertThat(parsed.note()).contains(raw);
        Assertions.assertThat(CellNumber.parse("1e3").value()).isEqualByComparingTo("1000");
        Assertions.assertThat(CellNumber.parse("0").value()).isEqualByComparingTo("0");
    }
}
