package io.shequ.warehouse;

import java.util.Set;

/**
 * One SQL model: a SELECT materialized as a table or view of the same name in the warehouse,
 * with the spec from the {@code .yml} beside it (null when it has none).
 *
 * @param origin where the SQL came from (a resource path, or a note that it was generated)
 * @param references the other models and lake tables its SQL reads
 */
record Model(String name, String sql, ModelSpec spec, String origin, Set<String> references) {

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
