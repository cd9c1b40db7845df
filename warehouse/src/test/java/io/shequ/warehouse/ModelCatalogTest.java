package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table the build creates has a {@code .yml} beside its {@code .sql} that states the same
 * grain and documents exactly its columns in Chinese and English. The yml's tests run during
 * the build itself ({@link ModelRunnerTest} shows they catch bad rows), so building the fixture
 * lake at all means they hold on it.
 */
class ModelCatalogTest {

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
                        ModelCatalog.lakeTablesWithDdl().stream().map(t -> "lake/" + t),
                        Stream.of("meta/meta_snapshot"),
                        ClasspathText.files(ModelCatalog.ROOT).stream()
                                .filter(f -> f.endsWith(".sql")
                                        && !f.startsWith("models/lake/")
                                        && !f.startsWith("models/meta/"))
                                .map(f -> f.substring("models/".length(), f.length() - ".sql".length())))
                .flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("models")
    void ymlStatesTheGrainAndDocumentsEveryColumn(String model) throws Exception {
        String table = model.substring(model.lastIndexOf('/') + 1);
        String origin = "models/" + model + ".yml";
        ModelSpec spec = ModelSpec.parse(ClasspathText.read(origin), origin);
        String firstLine = ClasspathText.read("models/" + model + ".sql")
                .lines()
                .findFirst()
                .orElseThrow();

        assertThat(spec.name()).isEqualTo(table);
        assertThat(firstLine)
                .as("the SQL's first line states the grain the yml states")
                .isEqualTo("-- grain: " + spec.grain());
        for (ModelSpec.Column column : spec.columns()) {
            assertThat(column.zh())
                    .as(table + "." + column.name() + " in Chinese")
                    .isNotBlank();
            assertThat(column.en())
                    .as(table + "." + column.name() + " in English")
                    .isNotBlank();
        }
        assertThat(spec.columns().stream().map(ModelSpec.Column::name).toList())
                .as("the yml lists the table's columns in order")
                .isEqualTo(columns(table));
    }

    private static List<String> columns(String table) throws SQLException {
        String list = (String) warehouse.single("SELECT string_agg(column_name, ',' ORDER BY column_index)"
                + " FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = '" + table + "'");
        if (list == null) {
            // a table macro: the columns of what it returns, called with every argument NULL
            Number arguments = (Number) warehouse.single("SELECT len(parameters) FROM duckdb_functions()"
                    + " WHERE function_name = '" + table + "' AND function_type = 'table_macro'");
            list = (String) warehouse.single("SELECT string_agg(column_name, ',') FROM (DESCRIBE SELECT * FROM " + table
                    + "(" + String.join(", ", Collections.nCopies(arguments.intValue(), "NULL")) + "))");
        }
        return List.of(list.split(","));
    }
}
