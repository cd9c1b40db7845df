package io.shequ.schemas.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseAmountTest {

    @ParameterizedTest(name = "''{0}'' = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "255000|255000.00",
                "255,000.00|255000.00",
                "255000.00元|255000.00",
                "255000元整|255000.00",
                "25.5万元|255000.00",
                "25.5万|255000.00",
                "２５.５万元|255000.00",
                "２５．５万元|255000.00",
                " 25.5 万元 |255000.00",
                "￥255,000.00|255000.00",
                "人民币25.5万元|255000.00",
                "0|0.00",
                "1234.565|1234.57",
                "贰拾万元整|200000.00",
                "壹拾贰万叁仟肆佰伍拾陆元柒角捌分|123456.78",
                "拾万元整|100000.00",
                "二十万元|200000.00",
                "二十万|200000.00",
                "捌佰万元|8000000.00",
                "壹佰零伍万元整|1050000.00",
                "壹仟零伍元|1005.00",
                "叁万零伍拾元|30050.00",
                "壹亿贰仟万元|120000000.00",
                "伍元伍角|5.50",
                "伍元零伍分|5.05",
                "两万五千元|25000.00",
                "贰拾万圆整|200000.00"
            })
    void readsAmountsIntoYuanWithTwoDecimals(String raw, String yuan) {
        ParsedAmount parsed = ChineseAmount.parse(raw);
        assertThat(parsed.reason()).as("'%s' is an amount", raw).isNull();
        assertThat(parsed.yuan()).as("'%s'", raw).isEqualTo(new BigDecimal(yuan));
        assertThat(parsed.yuan().scale()).as("always two decimals").isEqualTo(2);
        assertThat(ChineseAmount.toYuan(raw)).contains(new BigDecimal(yuan));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "  ", "abc", "待定", "-5000", "负五千元", "壹贰万元", "十百元", "25万5千元", "255,00", "元", "整", "万元万", "贰拾万万元", "伍元伍"
            })
    void otherTextIsNotAnAmount(String raw) {
        ParsedAmount parsed = ChineseAmount.parse(raw);
        assertThat(parsed.isValid()).as("'%s' is not an amount", raw).isFalse();
        assertThat(parsed.yuan()).isNull();
        assertThat(parsed.reason()).as("a reason is given").isNotBlank();
        if (raw != null && !raw.isBlank()) {
            assertThat(parsed.reason()).as("the reason quotes the text").contains("'" + raw.strip() + "'");
        }
        assertThat(ChineseAmount.toYuan(raw)).isEmpty();
    }

    @Test
    void reasonsSayWhatIsWrong() {
        assertThat(ChineseAmount.parse("abc").reason()).isEqualTo("'abc' is not an amount");
        assertThat(ChineseAmount.parse("-5000").reason()).contains("negative");
        assertThat(ChineseAmount.parse("").reason()).isEqualTo("the amount is empty");
    }

    @Test
    void aBareNumberUnderAHeaderInTenThousandsIsInTenThousands() {
        AmountUnit unit = AmountUnit.fromHeader("合同金额（万元）");
        assertThat(unit).isEqualTo(AmountUnit.TEN_THOUSAND_YUAN);
        assertThat(ChineseAmount.parse("25.5", unit).yuan()).as("25.5 under 万元").isEqualByComparingTo("255000");
        assertThat(ChineseAmount.parse("255000元", unit).yuan())
                .as("a unit in the cell wins")
                .isEqualByComparingTo("255000");
        assertThat(ChineseAmount.parse("贰拾万元整", unit).yuan()).isEqualByComparingTo("200000");
        assertThat(AmountUnit.fromHeader("合同金额(元)")).isEqualTo(AmountUnit.YUAN);
        assertThat(AmountUnit.fromHeader(null)).isEqualTo(AmountUnit.YUAN);
    }
}
