package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.value.ChineseAmount;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CapitalAmountTest {

    @Test
    void writesAmountsAsContractsDo() {
        assertThat(CapitalAmount.of(new BigDecimal("200000"))).isEqualTo("贰拾万元整");
        assertThat(CapitalAmount.of(new BigDecimal("123456.78"))).isEqualTo("壹拾贰万叁仟肆佰伍拾陆元柒角捌分");
        assertThat(CapitalAmount.of(new BigDecimal("100000.05")))
                .as("零 before fen when there is no jiao")
                .isEqualTo("壹拾万元零伍分");
        assertThat(CapitalAmount.of(new BigDecimal("50000.50"))).isEqualTo("伍万元伍角");
        assertThat(CapitalAmount.of(new BigDecimal("1005")))
                .as("one 零 for a run of zeros")
                .isEqualTo("壹仟零伍元整");
        assertThat(CapitalAmount.of(new BigDecimal("200500")))
                .as("零 across the 万 boundary")
                .isEqualTo("贰拾万零伍佰元整");
        assertThat(CapitalAmount.of(new BigDecimal("10000000"))).isEqualTo("壹仟万元整");
        assertThat(CapitalAmount.of(new BigDecimal("100000001"))).isEqualTo("壹亿零壹元整");
        assertThat(CapitalAmount.of(new BigDecimal("100010000"))).isEqualTo("壹亿零壹万元整");
        assertThat(CapitalAmount.of(new BigDecimal("0.05"))).as("below a yuan").isEqualTo("零元伍分");
    }

    @Test
    void everyWrittenAmountParsesBackExactly() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long fen = switch (i % 4) {
                case 0 -> 1 + (long) (random.nextDouble() * 99_999_999_999_99L); // up to a trillion yuan
                case 1 -> (50 + random.nextInt(751)) * 100_000L; // round thousands
                case 2 -> random.nextInt(10) * 10_000_000_000L + random.nextInt(10) * 100L + random.nextInt(3);
                default -> 5_000_000L + random.nextInt(75_000_001); // to the fen
            };
            BigDecimal yuan = BigDecimal.valueOf(fen, 2);
            if (fen == 0) {
                continue;
            }
            String written = CapitalAmount.of(yuan);
            assertThat(written).as("capital numerals only").matches("[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+");
            assertThat(ChineseAmount.parse(written).yuan())
                    .as("%s written %s", yuan, written)
                    .isEqualTo(yuan);
        }
    }
}
