package io.shequ.warehouse;

import java.util.Set;

/**
 * One SQL model: a SELECT materialized as a table or view of the same name in the warehouse,
 * with the spec from the {@code .yml} beside it (null when it has none). A lake table is a model
 * too, one that {@link LakeLoader} creates from its DDL and fills: it is commented and tested
 * like the others, but not built.
 *
 * @param origin where the SQL came from (a resource path, or a note that it was generated)
 * @param references the other models and lake tables its SQL reads
 * @param loaded whether it is a lake table, created and filled by {@link LakeLoader}
 */
record Model(String name, String sql, ModelSpec spec, String origin, Set<String> references, boolean loaded) {

    /** A model built from its SQL. */
    Model(String name, String sql, ModelSpec spec, String origin, Set<String> references) {
        this(name, sql, spec, origin, references, false);
    }

    /** The lake table {@code name}, with its DDL (or a note that it has none) and its spec. */
    static Model lakeTable(String name, String ddl, ModelSpec spec, String origin) {
        return new Model(name, ddl, spec, origin, Set.of(), true);
    }

    /** Models are views when their spec says so or they are staging models; tables otherwise. */
    boolean isView() {
        return spec != null && !spec.materialized().isEmpty()
                ? "view".equals(spec.materialized())
                : name.startsWith("stg_");
    }

    /** A table macro (its SQL is the {@code CREATE MACRO} statement): no comments, no data tests. */
    boolean isMacro() {
        return spec != null && "macro".equals(spec.materialized());
    }

    /** The statement that builds it: the SQL as written if it is a CREATE statement itself. */
    String createStatement() {
        String body = ModelReferences.withoutComments(sql).strip();
        if (body.regionMatches(true, 0, "CREATE", 0, 6)) {
            return sql;
        }
        return "CREATE " + (isView() ? "VIEW " : "TABLE ") + name + " AS\n" + sql;
    }
}
