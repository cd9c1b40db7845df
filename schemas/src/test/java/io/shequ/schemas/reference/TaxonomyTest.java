package io.shequ.schemas.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyTest {

    @Test
    void eventCategories() {
        Taxonomy categories = Taxonomy.load("event-categories");
        assertThat(categories.terms())
                .extracting(TaxonomyTerm::code)
                .containsExactly("01", "02", "03", "04", "05", "06", "07", "99");
        assertThat(categories.byCode("01")).contains(new TaxonomyTerm("01", "矛盾纠纷", "disputes"));
        assertThat(categories.byCode("1")).as("codes are exact: 1 is not 01").isEmpty();
        assertThat(categories.byName("违章建筑")).map(TaxonomyTerm::code).contains("07");
        assertThat(categories.byName("Fire Safety"))
                .as("English, any case")
                .map(TaxonomyTerm::code)
                .contains("05");
        assertThat(categories.byCode("99").orElseThrow().nameEn()).isEqualTo("other");
    }

    @Test
    void eventChannels() {
        Taxonomy channels = Taxonomy.load("event-channels");
        assertThat(channels.terms())
                .extracting(TaxonomyTerm::code)
                .containsExactly("patrol", "resident", "hotline", "department", "other");
        assertThat(channels.byName("其他"))
                .as("an unknown channel conforms to other")
                .map(TaxonomyTerm::code)
                .contains("other");
        assertThat(channels.byName("12345热线")).map(TaxonomyTerm::code).contains("hotline");
        assertThat(channels.byName("网格员巡查")).map(TaxonomyTerm::code).contains("patrol");
        assertThat(channels.byName("部门移交")).map(TaxonomyTerm::nameEn).contains("department referral");
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
        "养老服务, elderly", "养老, elderly", "助残, disability", "助残服务, disability",
        "儿童关爱, children", "儿童关爱服务, children", "社会救助, assistance", "社会救助服务, assistance",
        "社会工作, social_work", "社工服务, social_work", "文化, culture", "志愿, volunteering",
        "志愿服务, volunteering", "协商议事, consultation", "其他, other", "其它, other",
        "' 养老 服务 ', elderly", "elderly care, elderly"
    })
    void serviceCategoriesTolerateAMissingServiceSuffix(String typed, String code) {
        assertThat(Taxonomy.load("service-categories").byName(typed))
                .as("'%s'", typed)
                .map(TaxonomyTerm::code)
                .contains(code);
    }

    @Test
    void unknownNamesFindNothing() {
        Taxonomy services = Taxonomy.load("service-categories");
        assertThat(services.byName("服务")).as("the suffix alone names nothing").isEmpty();
        assertThat(services.byName("法律援助")).isEmpty();
        assertThat(services.byName(null)).isEmpty();
        assertThat(services.byName("")).isEmpty();
        assertThat(services.terms()).hasSize(9);
    }

    @Test
    void evaluationGrades() {
        Taxonomy grades = Taxonomy.load("evaluation-grades");
        assertThat(grades.terms()).extracting(TaxonomyTerm::nameZh).containsExactly("优秀", "良好", "合格", "不合格", "其他");
        assertThat(grades.byName("合格")).map(TaxonomyTerm::code).as("合格 is pass").contains("pass");
        assertThat(grades.byName("不合格"))
                .map(TaxonomyTerm::code)
                .as("不合格 is not pass")
                .contains("fail");
    }

    @Test
    void anUnknownTaxonomyIsNamed() {
        assertThatThrownBy(() -> Taxonomy.load("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void malformedFilesAreRejected() {
        assertThatThrownBy(() -> Taxonomy.read("t", stream("id,name\n1,a\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header");
        assertThatThrownBy(() -> Taxonomy.read("t", stream("code,name_zh,name_en\n01,甲,a\n01,乙,b\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> Taxonomy.read("t", stream("code,name_zh,name_en\n01\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
