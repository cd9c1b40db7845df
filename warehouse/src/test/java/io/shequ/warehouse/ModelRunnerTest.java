package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRunnerTest {

    @TempDir
    Path dir;

    private static Model model(String name, String sql, Set<String> known) {
        return new Model(name, sql, null, name + ".sql", ModelReferences.in(sql, known));
    }

    @Test
    void modelsAreOrderedAfterWhatTheyRead() {
        Set<String> known = Set.of("mart_b", "int_a", "int_c", "fct_x");
        List<Model> models = List.of(
                model("mart_b", "SELECT * FROM int_a JOIN int_c USING (k)", known),
                model("int_a", "WITH t AS (SELECT * FROM int_c) SELECT * FROM t", known),
                model("int_c", "SELECT * FROM fct_x", known));

        List<String> order = ModelGraph.order(models, Set.of("fct_x")).stream()
                .map(Model::name)
                .toList();

        assertThat(order)
                .as("int_c before int_a before mart_b, whatever order they came in")
                .containsExactly("int_c", "int_a", "mart_b");
    }

    @Test
    void everyShippedModelIsBuiltAfterEveryModelItReads() {
        List<Model> plan = ModelRunner.plan(ModelCatalog.lakeTablesWithDdl());
        List<String> order = plan.stream().map(Model::name).toList();

        for (Model model : plan) {
            for (String reference : model.references()) {
                assertThat(order.indexOf(reference))
                        .as(model.name() + " reads " + reference)
                        .isLessThan(order.indexOf(model.name()));
            }
        }
        assertThat(order.indexOf("dim_division"))
                .as("the lake table before the staging view over it")
                .isLessThan(order.indexOf("stg_dim_division_current"));
        assertThat(order.indexOf("int_division_scope")).isLessThan(order.indexOf("mart_indicators"));
        assertThat(plan.stream()
                        .filter(m -> m.name().equals("stg_dim_division_current"))
                        .findFirst()
                        .orElseThrow()
                        .isView())
                .as("staging models are views")
                .isTrue();
        assertThat(plan.stream().filter(Model::loaded).map(Model::name))
                .as("each lake table is in the plan once, loaded rather than built")
                .containsExactlyInAnyOrderElementsOf(ModelCatalog.lakeTablesWithDdl());
    }

    @Test
    void aCycleIsAnErrorNamingItsModels() {
        Set<String> known = Set.of("int_a", "int_b", "mart_c");
        List<Model> models = List.of(
                model("int_a", "SELECT * FROM int_b", known),
                model("int_b", "SELECT * FROM int_a", known),
                model("mart_c", "SELECT * FROM int_a", known));

        assertThatThrownBy(() -> ModelGraph.order(models, Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("int_a → int_b → int_a");
    }

    @Test
    void aMissingReferenceIsAnErrorNamingTheModel() {
        Set<String> known = Set.of("mart_c");
        List<Model> models = List.of(model("mart_c", "SELECT * FROM int_not_written", known));

        assertThatThrownBy(() -> ModelGraph.order(models, Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model mart_c")
                .hasMessageContaining("int_not_written");
    }

    @Test
    void referencesLeaveOutCtesFunctionsCommentsStringsAndTheLakeSchema() {
        Set<String> known = Set.of("fct_x", "dim_y", "int_z");
        String sql = """
                -- reads int_commented_out
                WITH fct_x_rows AS (SELECT * FROM fct_x WHERE note <> 'FROM int_in_a_string')
                SELECT r.*, (SELECT max(k) FROM dim_y) AS top, extract(year FROM r.day) AS y
                FROM fct_x_rows AS r, unnest(r.list) AS u, lake.int_z
                """;

        assertThat(ModelReferences.in(sql, known)).containsExactlyInAnyOrder("fct_x", "dim_y");
    }

    @Test
    void yamlTestsCatchBadRowsAndNameModelColumnTestAndRows() throws Exception {
        String yml = """
                name: fct_visits
                grain: one row per visit
                tests:
                  - unique: [visit_id, day]
                columns:
                  - name: visit_id
                    tests: [not_null, unique]
                  - name: kind
                    tests: [{accepted_values: [home, office]}]
                  - name: division_code
                    tests: [{relationships: dim_places.division_code}]
                  - name: day
                """;
        Model visits = new Model("fct_visits", "SELECT 1", ModelSpec.parse(yml, "test"), "test", Set.of());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE dim_places AS SELECT * FROM (VALUES ('370103001001')) t(division_code)");
            statement.execute("""
                    CREATE TABLE fct_visits AS SELECT * FROM (VALUES
                        ('v1', 'home', '370103001001', 1),
                        ('v1', 'home', '370103001001', 2),
                        ('v2', 'garden', '370103001001', 1),
                        (NULL, 'office', '999999999999', 1)) t(visit_id, kind, division_code, day)""");

            List<String> failures = ModelTests.run(connection, visits).stream()
                    .map(ModelTests.Failure::toString)
                    .toList();

            assertThat(failures)
                    .as("each broken test once, with its rows")
                    .containsExactlyInAnyOrder(
                            "fct_visits.visit_id not_null: 1 offending row(s), e.g. [{visit_id=null, kind=office, "
                                    + "division_code=999999999999, day=1}]",
                            "fct_visits.visit_id unique: 1 offending row(s), e.g. [{visit_id=v1, times=2}]",
                            "fct_visits.kind accepted_values [home, office]: 1 offending row(s), e.g. [{kind=garden, times=1}]",
                            "fct_visits.division_code relationships [dim_places.division_code]: 1 offending row(s), "
                                    + "e.g. [{division_code=999999999999, times=1}]");

            statement.execute("DELETE FROM fct_visits WHERE visit_id IS NULL OR kind = 'garden'");
            statement.execute("UPDATE fct_visits SET visit_id = 'v3' WHERE day = 2");
            assertThat(ModelTests.run(connection, visits)).as("clean rows pass").isEmpty();
        }
    }

    @Test
    void aBuildWhoseModelTestsFailNamesThemAndLeavesNoFile() throws Exception {
        TestLake testLake = new TestLake(dir.resolve("lake"));
        List<LakeTable> tables = new ArrayList<>(testLake.standard().tables());
        String csv = TestLake.fixture("fct_grid_events");
        String firstEvent = csv.lines().skip(1).findFirst().orElseThrow();
        Path doubled = testLake.parquet("fct_grid_events", csv.stripTrailing() + "\n" + firstEvent + "\n");
        tables.set(
                WarehouseBuilderTest.indexOf(tables, "fct_grid_events"),
                TestLake.table("fct_grid_events", 99, doubled));
        LakeSnapshot lake = TestLake.snapshot(tables);
        Path target = dir.resolve("w.duckdb");

        assertThatThrownBy(() -> new WarehouseBuilder().build(lake, target))
                .as("an event twice in the lake breaks fct_grid_events.event_id unique")
                .isInstanceOf(ModelTestException.class)
                .hasMessageContaining("fct_grid_events.event_id unique: 1 offending row(s)")
                .hasMessageContaining("event_id=" + firstEvent.split(",")[0]);
        assertThat(target).as("nothing left to publish").doesNotExist();
    }
}
