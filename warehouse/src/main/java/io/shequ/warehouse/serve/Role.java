package io.shequ.warehouse.serve;

import java.util.Locale;

/**
 * What a served user may read. {@link #ANALYST}: the published model, {@code dim_}, {@code fct_},
 * {@code mart_}, {@code meta_} and {@code dq_} tables of the main schema. {@link #ENGINEER}: also
 * the {@code int_} and {@code stg_} models. Neither may write or reach
 * the file system; that is the sandbox's part, not the role's.
 */
public enum Role {
    ANALYST,
    ENGINEER;

    static final String MAIN = "main";

    /** The role named {@code name}, in any case. */
    public static Role of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a role is analyst or engineer: " + name, e);
        }
    }

    /** Whether this role may read {@code schema.table} ({@code schema} empty: the main schema). */
    public boolean mayRead(String schema, String table) {
        String in = schema == null || schema.isEmpty() ? MAIN : schema.toLowerCase(Locale.ROOT);
        String name = table.toLowerCase(Locale.ROOT);
        if (in.equals(MAIN) && published(name)) {
            return true;
        }
        return this == ENGINEER && in.equals(MAIN) && (name.startsWith("int_") || name.startsWith("stg_"));
    }

    /** Whether this role may see {@code schema} at all in the catalog. */
    public boolean maySee(String schema) {
        return schema.equals(MAIN);
    }

    /**
     * Whether this role may call table function {@code name}: the catalog functions
     * ({@code duckdb_*}) would list what the role may not read; {@code int_} macros are the
     * engineer's, like the {@code int_} views.
     */
    public boolean mayCall(String name) {
        String function = name.toLowerCase(Locale.ROOT);
        if (function.startsWith("int_")) {
            return this == ENGINEER;
        }
        return this == ENGINEER || !(function.startsWith("duckdb_") || function.startsWith("pragma_"));
    }

    private static boolean published(String name) {
        return name.startsWith("dim_")
                || name.startsWith("fct_")
                || name.startsWith("mart_")
                || name.startsWith("meta_")
                || name.startsWith("dq_");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
