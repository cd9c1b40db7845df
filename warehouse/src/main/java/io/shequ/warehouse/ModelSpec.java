package io.shequ.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model's {@code .yml} says: its grain, how it is materialized, its columns (described
 * in Chinese and English) and the data tests that must hold on it.
 *
 * <p>Column tests are written as in dbt: {@code not_null}, {@code unique},
 * {@code {accepted_values: [a, b]}}, {@code {relationships: other_model.column}}; table tests
 * as {@code {unique: [column, column]}}. A column may also name {@code references:
 * dim_x.column}, which the referential-integrity audit checks before publishing. A staging
 * view that passes a lake table through says {@code columns_from: lake/<table>.yml} instead of
 * repeating its columns; it takes their descriptions, not their tests (the table built from
 * the view runs them).
 */
record ModelSpec(
        String name,
        String grain,
        String materialized,
        String zh,
        String en,
        List<Column> columns,
        List<List<String>> uniqueKeys) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One documented column. */
    record Column(String name, String zh, String en, List<ColumnTest> tests, String references) {}

    /**
     * One column test: {@code kind} is not_null, unique, accepted_values or relationships;
     * {@code values} are the accepted values, or the one {@code model.column} a relationship names.
     */
    record ColumnTest(String kind, List<String> values) {

        @Override
        public String toString() {
            return values.isEmpty() ? kind : kind + " " + values;
        }
    }

    /** The spec in {@code yml}, read from resource {@code origin} (named in errors). */
    static ModelSpec parse(String yml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yml);
        } catch (IOException e) {
            throw new UncheckedIOException("reading model spec " + origin, e);
        }
        List<Column> columns = new ArrayList<>();
        if (root.hasNonNull("columns_from")) {
            String from = "models/" + root.get("columns_from").asText();
            parse(ClasspathText.read(from), from)
                    .columns()
                    .forEach(c -> columns.add(new Column(c.name(), c.zh(), c.en(), List.of(), null)));
        }
        for (JsonNode column : root.path("columns")) {
            List<ColumnTest> tests = new ArrayList<>();
            for (JsonNode test : column.path("tests")) {
                tests.add(columnTest(
                        test, origin + " column " + column.path("name").asText()));
            }
            columns.add(new Column(
                    column.path("name").asText(),
                    column.path("zh").asText(""),
                    column.path("en").asText(""),
                    List.copyOf(tests),
                    column.hasNonNull("references") ? column.get("references").asText() : null));
        }
        List<List<String>> uniqueKeys = new ArrayList<>();
        for (JsonNode test : root.path("tests")) {
            if (!test.has("unique")) {
                throw new IllegalStateException(
                        origin + ": unknown table test " + test + " (expected {unique: [...]})");
            }
            uniqueKeys.add(texts(test.get("unique")));
        }
        JsonNode description = root.path("description");
        return new ModelSpec(
                root.path("name").asText(),
                root.path("grain").asText(""),
                root.path("materialized").asText(""),
                description.path("zh").asText(""),
                description.path("en").asText(""),
                List.copyOf(columns),
                List.copyOf(uniqueKeys));
    }

    private static ColumnTest columnTest(JsonNode test, String where) {
        if (test.isTextual()) {
            String kind = test.asText();
            if (!kind.equals("not_null") && !kind.equals("unique")) {
                throw new IllegalStateException(where + ": unknown test " + kind);
            }
            return new ColumnTest(kind, List.of());
        }
        String kind = test.fieldNames().hasNext() ? test.fieldNames().next() : "";
        return switch (kind) {
            case "accepted_values" -> new ColumnTest(kind, texts(test.get(kind)));
            case "relationships" -> {
                String target = test.get(kind).asText();
                if (!target.matches("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalStateException(where + ": relationships needs model.column, got " + target);
                }
                yield new ColumnTest(kind, List.of(target));
            }
            default -> throw new IllegalStateException(where + ": unknown test " + test);
        };
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(n -> texts.add(n.asText()));
        } else {
            texts.add(list.asText());
        }
        return List.copyOf(texts);
    }

    /** The models this spec's relationship tests point at: they must be built before its tests run. */
    List<String> testedAgainst() {
        return columns.stream()
                .flatMap(c -> c.tests().stream())
                .filter(t -> t.kind().equals("relationships"))
                .map(t -> t.values().get(0).substring(0, t.values().get(0).indexOf('.')))
                .distinct()
                .toList();
    }
}
