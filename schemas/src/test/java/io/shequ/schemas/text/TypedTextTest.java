package io.shequ.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedTextTest {

    @Test
    void foldsFullWidthForms() {
        assertThat(TypedText.halfWidth("１２３４．５，（）")).isEqualTo("1234.5,()");
        assertThat(TypedText.halfWidth("㎡"))
                .as("why units are listed once, as m2")
                .isEqualTo("m2");
        assertThat(TypedText.halfWidth("m²")).isEqualTo("m2");
        assertThat(TypedText.halfWidth(null)).isNull();
    }

    @Test
    void compactRemovesEveryKindOfSpace() {
        assertThat(TypedText.compact(" 乐山\u3000小区\u00A0社区\t\n")).isEqualTo("乐山小区社区");
        assertThat(TypedText.compact("\uFEFF社区"))
                .as("a BOM left on the first cell")
                .isEqualTo("社区");
        assertThat(TypedText.compact(null)).isNull();
    }
}
