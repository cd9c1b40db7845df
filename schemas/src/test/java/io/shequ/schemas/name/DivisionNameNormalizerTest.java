package io.shequ.schemas.name;

import static io.shequ.schemas.name.DivisionNameNormalizer.normalize;
import static io.shequ.schemas.name.DivisionNameNormalizer.normalizeStreet;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DivisionNameNormalizerTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "乐山小区社区居民委员会|乐山小区",
                "乐山小区社区居委会|乐山小区",
                "乐山小区社区|乐山小区",
                "乐山小区|乐山小区",
                "乐山小区居委会|乐山小区",
                "乐山小区居民委员会|乐山小区",
                "多福巷社区居委会|多福巷",
                "绿化社区|绿化",
                " 绿化\u3000社区 |绿化",
                "绿 化 社 区|绿化",
                "ＡＢＣ社区|ABC",
                "党家庄东村村民委员会|党家庄东",
                "党家庄东村村委会|党家庄东",
                "党家庄东村委会|党家庄东",
                "党家庄东村|党家庄东",
                "王官庄村社区居委会|王官庄"
            })
    void stripsUnitSuffixesSoBothSidesMeet(String raw, String expected) {
        assertThat(normalize(raw)).as("'%s'", raw).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {"社区|社区", "村|村", "居委会|居委会", "社区居委会|社区", "村委会|村委会", "新村|新"})
    void neverStripsEverything(String raw, String expected) {
        // "社区居委会" keeps "社区": 居委会 can go, the whole cannot.
        assertThat(normalize(raw)).as("a name made only of a suffix stays").isEqualTo(expected);
    }

    @Test
    void nullStaysNull() {
        assertThat(normalize(null)).isNull();
        assertThat(normalize(null, "党家街道")).isNull();
        assertThat(normalizeStreet(null)).isNull();
    }

    @Test
    void theNbsSpellingAndTheTypedOnesAgree() {
        String official = normalize("乐山小区社区居民委员会");
        assertThat(normalize("乐山小区社区")).isEqualTo(official);
        assertThat(normalize("乐山小区社区居委会")).isEqualTo(official);
        assertThat(normalize("乐山小区")).isEqualTo(official);
    }

    @ParameterizedTest(name = "''{0}'' in {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "舜玉路街道舜玉社区|舜玉路街道|舜玉",
                "舜玉路舜玉社区|舜玉路街道|舜玉",
                "舜玉社区|舜玉路街道|舜玉",
                "兴隆镇东村|兴隆镇|东",
                "兴隆东村|兴隆镇|东",
                "党家街道办事处丘山社区|党家街道办事处|丘山",
                "党家丘山社区|党家街道|丘山",
                "四里村社区|四里村街道|四里",
                "四里村街道四里村社区|四里村街道|四里",
                "丘山社区|   |丘山",
                "乐山小区社区|杆石桥街道|乐山小区"
            })
    void stripsALeadingStreetName(String raw, String street, String expected) {
        assertThat(normalize(raw, street)).as("'%s' in %s", raw, street).isEqualTo(expected);
    }

    @Test
    void aNullStreetIsIgnored() {
        assertThat(normalize("丘山社区", null)).isEqualTo("丘山");
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "党家街道|党家",
                "党家街道办事处|党家",
                "党家街道办|党家",
                "党家办事处|党家",
                " 党家 街道 |党家",
                "兴隆镇|兴隆镇",
                "柳埠乡|柳埠乡",
                "街道|街道",
                "先锋路街道|先锋路"
            })
    void streetsLoseOnlyStreetOfficeSuffixes(String raw, String expected) {
        assertThat(normalizeStreet(raw)).as("'%s'", raw).isEqualTo(expected);
    }
}
