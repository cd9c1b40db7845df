package io.shequ.schemas.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NbsDivisionsTest {

    private static final DivisionCode SHIZHONG = DivisionCode.parse("370103");
    private static NbsDivisions shizhong;

    @BeforeAll
    static void loadJinanShizhong() {
        shizhong = NbsDivisions.bundled2023(List.of(SHIZHONG));
    }

    @Test
    void bundled2023KnowsJinanShizhong() {
        Division district = shizhong.get(SHIZHONG);
        assertThat(district.name()).as("370103 is 济南市市中区").isEqualTo("市中区");
        assertThat(district.parentCode()).as("under 济南市").isEqualTo(DivisionCode.parse("370100"));
        assertThat(shizhong.get(DivisionCode.parse("3701")).name()).isEqualTo("济南市");
        assertThat(shizhong.get(DivisionCode.parse("37")).name()).isEqualTo("山东省");
    }

    @Test
    void scopeKeepsTheUnitsBelowAndTheAncestors() {
        // counted by hand in streets.csv.gz / villages.csv.gz: 17 street offices, 139 + 77 village-level units
        assertThat(shizhong.within(SHIZHONG, DivisionLevel.TOWNSHIP))
                .as("17 township-level units")
                .hasSize(17);
        List<Division> villages = shizhong.within(SHIZHONG, DivisionLevel.VILLAGE);
        assertThat(villages).as("216 village-level units").hasSize(216);
        assertThat(villages.stream().filter(d -> d.kind() == DivisionKind.VILLAGERS_COMMITTEE))
                .as("77 administrative villages, as seed 000 says")
                .hasSize(77);
        assertThat(shizhong.size()).as("province + city + district + 17 + 216").isEqualTo(3 + 17 + 216);
        assertThat(shizhong.find(DivisionCode.parse("370102")))
                .as("历下区 is out of scope")
                .isEmpty();
    }

    @Test
    void childrenOfAStreetAreItsVillageLevelUnitsInCodeOrder() {
        List<Division> leshan = shizhong.childrenOf(DivisionCode.parse("370103003"));
        assertThat(leshan).as("杆石桥街道 has 8 communities").hasSize(8);
        assertThat(leshan.get(3).name()).isEqualTo("乐山小区社区居民委员会");
        assertThat(leshan).extracting(Division::code).isSorted();
        assertThat(shizhong.get(DivisionCode.parse("370103021")).name()).isEqualTo("党家街道");
    }

    @Test
    void getOfAnUnknownCodeFails() {
        assertThatThrownBy(() -> shizhong.get(DivisionCode.parse("370102")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("370102");
    }

    @Test
    void fromFolderReadsPlainCsvFiles(@TempDir Path folder) throws IOException {
        write(folder, "provinces.csv", "code,name", "37,\"山东省\"", "11,\"北京市\"");
        write(folder, "cities.csv", "code,name,provinceCode", "3701,\"济南市\",37", "1101,\"市辖区\",11");
        write(
                folder,
                "areas.csv",
                "code,name,cityCode,provinceCode",
                "370103,\"市中区\",3701,37",
                "110101,\"东城区\",1101,11");
        write(
                folder,
                "streets.csv",
                "code,name,areaCode,provinceCode,cityCode",
                "370103021,\"党家街道\",370103,37,3701",
                "110101001,\"东华门街道\",110101,11,1101");
        write(
                folder,
                "villages.csv",
                "code,name,streetCode,provinceCode,cityCode,areaCode",
                "370103021001,\"丘山社区居民委员会\",370103021,37,3701,370103",
                "", // blank lines are skipped
                "370103021200,\"党家庄东村村民委员会\",370103021,37,3701,370103");

        NbsDivisions all = NbsDivisions.fromFolder(folder, List.of());
        assertThat(all.size()).as("an empty scope loads everything").isEqualTo(10);

        NbsDivisions scoped = NbsDivisions.fromFolder(folder, List.of(SHIZHONG));
        assertThat(scoped.size())
                .as("province, city, district, street, two villages")
                .isEqualTo(6);
        assertThat(scoped.childrenOf(DivisionCode.parse("370103021")))
                .extracting(Division::name)
                .containsExactly("丘山社区居民委员会", "党家庄东村村民委员会");
        assertThat(scoped.get(DivisionCode.parse("370103021200")).kind()).isEqualTo(DivisionKind.VILLAGERS_COMMITTEE);
    }

    @Test
    void fromFolderFailsWhenALevelFileIsMissing(@TempDir Path folder) throws IOException {
        write(folder, "provinces.csv", "code,name", "37,\"山东省\"");
        assertThatThrownBy(() -> NbsDivisions.fromFolder(folder, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cities.csv");
    }

    @Test
    void aScopeWithNothingInItFails(@TempDir Path folder) throws IOException {
        write(folder, "provinces.csv", "code,name", "37,\"山东省\"");
        write(folder, "cities.csv", "code,name,provinceCode");
        write(folder, "areas.csv", "code,name,cityCode,provinceCode");
        write(folder, "streets.csv", "code,name,areaCode,provinceCode,cityCode");
        write(folder, "villages.csv", "code,name,streetCode,provinceCode,cityCode,areaCode");
        assertThatThrownBy(() -> NbsDivisions.fromFolder(folder, List.of(DivisionCode.parse("11"))))
                .as("a typo in a scope must not give an empty reference")
                .isInstanceOf(IllegalStateException.class);
    }

    private static void write(Path folder, String name, String... lines) throws IOException {
        Files.write(folder.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }
}
