package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table the build creates has a {@code .yml} beside its {@code .sql} that states the same
 * grain, documents exactly its columns in Chinese and English, and whose tests hold on the
 * fixture lake (not_null, unique, accepted_values, relationships, table-level unique).
 */
class ModelCatalogTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path dir;

    static WarehouseReaderFixture warehouse;

    @BeforeAll
    static void build() throws Exception {
        Path file = new WarehouseBuilder().build(new TestLake(dir.resolve("lake")).standard(), dir.resolve("w.duckdb"));
        warehouse = new WarehouseReaderFixture(file);
    }

    @AfterAll
    static void close() throws SQLException {
        warehouse.close();
    }

    static Stream<String> models() {
        return Stream.of(
                LakeLoader.TABLES.stream().map(t -> "lake/" + t),
                Stream.of("meta/meta_snapshot"),
                ModelRunner.modelNames().stream()).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("models")
    void ymlStatesTheGrainAndDocumentsEveryColumn(String model) throws Exception {
        String table = model.substring(model.lastIndexOf('/') + 1);
        JsonNode yml = YAML.readTree(ClasspathText.read("models/" + model + ".yml"));
        String firstLine = ClasspathText.read("models/" + model + ".sql").lines().findFirst().orElseThrow();

        assertThat(yml.path("name").asText()).isEqualTo(table);
        assertThat(firstLine).as("the SQL's first line states the grain the yml states")
                .isEqualTo("-- grain: " + yml.path("grain").asText());
        List<String> documented = new ArrayList<>();
        for (JsonNode column : yml.path("columns")) {
            documented.add(column.path("name").asText());
            assertThat(column.path("zh").asText()).as(table + "." + column.path("name") + " in Chinese").isNotBlank();
            assertThat(column.path("en").asText()).as(table + "." + column.path("name") + " in English").isNotBlank();
        }
        assertThat(documented).as("the yml lists the table's columns in order").isEqualTo(columns(table));
    }

    @ParameterizedTest
    @MethodSource("models")
    void ymlTestsHoldOnTheFixtureLake(String model) throws Exception {
        String table = model.substring(model.lastIndexOf('/') + 1);
        JsonNode yml = YAML.readTree(ClasspathText.read("models/" + model + ".yml"));
        for (JsonNode test : yml.path("tests")) {
            String key = String.join(", ", names(test.path("unique")));
            assertThat(count("SELECT count(*) - count(DISTINCT (" + key + ")) FROM " + table))
                    .as(table + " unique " + key).isZero();
        }
        for (JsonNode column : yml.path("columns")) {
            String name = column.path("name").asText();
            for (JsonNode test : column.path("tests")) {
                String where = switch (test.isTextual() ? test.asText() : test.fieldNames().next()) {
                    case "not_null" -> name + " IS NULL";
                    case "unique" -> name + " IN (SELECT " + name + " FROM " + table + " GROUP BY ALL HAVING count(*) > 1)";
                    case "accepted_values" -> name + " NOT IN (" + names(test.path("accepted_values")).stream()
                            .map(v -> "'" + v + "'").collect(Collectors.joining(", ")) + ")";
                    case "relationships" -> name + " NOT IN (SELECT " + test.path("relationships").asText()
                            .replaceFirst("^([^.]+)\\.(.+)$", "$2 FROM $1") + ")";
                    default -> throw new AssertionError("unknown test " + test + " on " + table + "." + name);
                };
                assertThat(count("SELECT count(*) FROM " + table + " WHERE " + where)).as(table + "." + name + " " + test)
                        .isZero();
            }
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static long count(String sql) throws SQLException {
        return ((Number) warehouse.single(sql)).longValue();
    }

    private static List<String> columns(String table) throws SQLException {
        String list = (String) warehouse.single("SELECT string_agg(column_name, ',' ORDER BY column_index)"
                + " FROM duckdb_columns() WHERE table_name = '" + table + "'");
        return List.of(list.split(","));
    }
}
