package io.shequ.warehouse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every model of a build, found on the classpath under {@code models/}: a staging view
 * {@code stg_<table>} and a table {@code <table>} for each lake table, then the {@code int_},
 * {@code mart_} and other models, each {@code <name>.sql} with {@code <name>.yml} beside it.
 *
 * <p>A lake table needs no code of its own: without {@code models/staging/stg_<table>.sql} its
 * staging view selects the lake table as it is, and without {@code models/<table>.sql} the
 * warehouse table selects the staging view, documented and tested by
 * {@code models/lake/<table>.yml}. {@code models/lake/} (DDL), {@code models/meta/} and
 * {@code models/quality/} ({@link InputQualityTables}) are not models.
 */
final class ModelCatalog {

    static final String ROOT = "models";
    private static final Set<String> NOT_MODELS = Set.of(ROOT + "/lake/", ROOT + "/meta/", ROOT + "/quality/");

    private ModelCatalog() {}

    /** The lake tables with a DDL in {@code models/lake/}. */
    static Set<String> lakeTablesWithDdl() {
        Set<String> tables = new TreeSet<>();
        for (String file : ClasspathText.files(ROOT + "/lake")) {
            if (file.endsWith(".sql")) {
                tables.add(stem(file));
            }
        }
        return tables;
    }

    /** The models over {@code lakeTables} (loaded into schema {@code lake}), in no particular order. */
    static List<Model> models(Set<String> lakeTables) {
        List<String[]> written = new ArrayList<>();
        for (String file : ClasspathText.files(ROOT)) {
            if (file.endsWith(".sql") && NOT_MODELS.stream().noneMatch(file::startsWith)) {
                written.add(new String[] {stem(file), file});
            }
        }
        Set<String> names = new HashSet<>(lakeTables);
        lakeTables.forEach(t -> names.add("stg_" + t));
        written.forEach(w -> names.add(w[0]));
        names.add("meta_snapshot");
        names.addAll(InputQualityTables.TABLES);

        List<Model> models = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String[] w : written) {
            if (!taken.add(w[0])) {
                throw new IllegalStateException("two models named " + w[0] + ": one is " + w[1]);
            }
            String yml = w[1].substring(0, w[1].length() - ".sql".length()) + ".yml";
            ModelSpec spec = ClasspathText.exists(yml)
                    ? ModelSpec.parse(ClasspathText.read(yml), yml)
                    : lakeTables.contains(w[0]) ? lakeSpec(w[0]) : null;
            models.add(model(w[0], ClasspathText.read(w[1]), spec, w[1], names));
        }
        for (String table : lakeTables) {
            if (taken.add("stg_" + table)) {
                models.add(model(
                        "stg_" + table,
                        "-- grain: as lake table " + table + "\nSELECT * FROM lake." + table,
                        null,
                        "generated staging view of lake." + table,
                        names));
            }
            if (taken.add(table)) {
                models.add(model(
                        table,
                        "-- grain: as lake table " + table + "\nSELECT * FROM stg_" + table,
                        lakeSpec(table),
                        "generated from stg_" + table,
                        names));
            }
        }
        return models;
    }

    private static ModelSpec lakeSpec(String table) {
        String yml = ROOT + "/lake/" + table + ".yml";
        return ClasspathText.exists(yml) ? ModelSpec.parse(ClasspathText.read(yml), yml) : null;
    }

    private static Model model(String name, String sql, ModelSpec spec, String origin, Set<String> known) {
        Set<String> references = new TreeSet<>(ModelReferences.in(sql, known));
        references.remove(name);
        return new Model(name, sql, spec, origin, references);
    }

    private static String stem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.substring(0, name.lastIndexOf('.'));
    }
}
