package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data dictionary documents every table and view a build creates, from the models' yml. */
class DataDictionaryTest {

    @TempDir
    Path dir;

    @Test
    void documentsEveryTableAndViewTheBuildCreates() throws Exception {
        TestLake.publishStandard(dir);
        List<String> built;
        try (WarehouseReader reader = WarehouseReader.open(dir)) {
            built = reader
                    .query("SELECT table_name FROM duckdb_tables() WHERE NOT internal AND NOT temporary"
                            + " UNION SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary")
                    .stream()
                    .map(row -> (String) row.get(0))
                    .toList();
        }
        DataDictionary dictionary = DataDictionary.ofShippedModels();
        assertThat(dictionary.names())
                .as("every table and view built is documented")
                .containsAll(built);
        List<String> names = dictionary.names();
        assertThat(names.subList(0, ModelCatalog.lakeTablesWithDdl().size()))
                .as("lake tables first")
                .containsExactlyInAnyOrderElementsOf(ModelCatalog.lakeTablesWithDdl());
        assertThat(names.indexOf("fct_service_contracts"))
                .as("lake tables, then intermediate models, then marts")
                .isLessThan(names.indexOf("int_division_scope"));
        assertThat(names.indexOf("int_division_scope")).isLessThan(names.indexOf("mart_indicators"));
    }

    @Test
    void markdownAndHtmlCarryGrainDescriptionsColumnsAndTests() {
        DataDictionary dictionary = DataDictionary.ofShippedModels();
        String md = dictionary.markdown();
        assertThat(md)
                .contains("\n## mart_indicator_lineage\n")
                .contains("grain 粒度: one row per indicator value (year, division, indicator, breakdown) and fact row")
                .contains("| `numerator_part` | 对分子的贡献 | What the row adds to the numerator |  |")
                .contains("Test: unique (year, division_code, indicator, breakdown)")
                .contains(
                        "| `numerator` | 分子（非比率指标即为数值本身，未舍入） | Numerator (for a non-ratio, the unrounded figure itself) | not_null |")
                .contains("accepted_values [city, district, street, community]")
                .contains("- [`dim_division`](#dim_division) — lake table 湖表: one row per division unit version");
        String html = dictionary.html();
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<h2 id=\"mart_indicator_lineage\">mart_indicator_lineage</h2>")
                .contains(
                        "<td><code>numerator_part</code></td><td>对分子的贡献</td><td>What the row adds to the numerator</td><td></td>")
                .doesNotContain("<script");
        assertThat(html.split("<h2 ", -1))
                .as("one section per model")
                .hasSize(dictionary.names().size() + 1);
    }

    @Test
    void writesBothFilesIntoTheFolder() throws Exception {
        List<Path> written = DataDictionary.ofShippedModels().writeTo(dir.resolve("warehouse"));
        assertThat(written)
                .containsExactly(dir.resolve("warehouse/dictionary.md"), dir.resolve("warehouse/dictionary.html"));
        assertThat(Files.readString(written.get(0))).startsWith("# Shequ data dictionary");
        try (var files = Files.list(dir.resolve("warehouse"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left")
                    .containsExactlyInAnyOrder("dictionary.md", "dictionary.html");
        }
    }
}
