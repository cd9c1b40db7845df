package io.shequ.warehouse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every model of a build, found on the classpath under {@code models/}: each lake table, loaded
 * as it is by {@link LakeLoader} and documented and tested by {@code models/lake/<table>.yml},
 * then the {@code stg_}, {@code int_}, {@code mart_} and other models, each {@code <name>.sql}
 * with {@code <name>.yml} beside it.
 *
 * <p>A lake table is published under its own name, once: its DDL names and types its columns, so
 * no staging view or copy stands between it and the models that read it. {@code models/lake/}
 * (DDL), {@code models/meta/} and {@code models/quality/} ({@link InputQualityTables}) hold no
 * models to build.
 */
final class ModelCatalog {

    static final String ROOT = "models";
    static final String LAKE = ROOT + "/lake/";
    private static final Set<String> NOT_MODELS = Set.of(LAKE, ROOT + "/meta/", ROOT + "/quality/");

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

    /**
     * The lake tables {@code lakeTables} (loaded by {@link LakeLoader}) and the models over them, in
     * no particular order.
     *
     * @throws IllegalStateException if two models, or a model and a lake table, have one name
     */
    static List<Model> models(Set<String> lakeTables) {
        List<String[]> written = new ArrayList<>();
        for (String file : ClasspathText.files(ROOT)) {
            if (file.endsWith(".sql") && NOT_MODELS.stream().noneMatch(file::startsWith)) {
                written.add(new String[] {stem(file), file});
            }
        }
        Set<String> names = new HashSet<>(lakeTables);
        written.forEach(w -> names.add(w[0]));
        names.add("meta_snapshot");
        names.addAll(InputQualityTables.TABLES);

        List<Model> models = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String table : lakeTables) {
            taken.add(table);
            String ddl = LAKE + table + ".sql";
            models.add(
                    ClasspathText.exists(ddl)
                            ? Model.lakeTable(table, ClasspathText.read(ddl), lakeSpec(table), ddl)
                            : Model.lakeTable(
                                    table, "-- grain: as lake table " + table, null, "lake table without DDL"));
        }
        for (String[] w : written) {
            if (!taken.add(w[0])) {
                throw new IllegalStateException("two models named " + w[0] + ": one is " + w[1]
                        + (lakeTables.contains(w[0]) ? ", the other the lake table" : ""));
            }
            String yml = w[1].substring(0, w[1].length() - ".sql".length()) + ".yml";
            ModelSpec spec = ClasspathText.exists(yml) ? ModelSpec.parse(ClasspathText.read(yml), yml) : null;
            models.add(model(w[0], ClasspathText.read(w[1]), spec, w[1], names));
        }
        return models;
    }

    private static ModelSpec lakeSpec(String table) {
        String yml = LAKE + table + ".yml";
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
