package io.shequ.warehouse;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a model's SQL reads from, found by parsing it lightly: identifiers after FROM and
 * JOIN that are not the model's own CTEs or table functions, plus any other identifier that is
 * the name of a known model (a scalar subquery's table, say).
 */
final class ModelReferences {

    /** Prefixes of model names; an unknown name with one of these is a missing model. */
    static final Pattern MODEL_NAME = Pattern.compile("(stg|int|dim|fct|bdg|mart)_[a-z0-9_]+");

    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern SOURCE =
            Pattern.compile("(?i)\\b(?:from|join)\\s+((?:[a-z_][a-z0-9_]*\\.)?[a-z_][a-z0-9_]*)\\b(\\s*\\()?");
    private static final Pattern CTE = Pattern.compile("(?i)\\b([a-z_][a-z0-9_]*)\\s+as\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("(?i)(?<![.\\w])[a-z_][a-z0-9_]*\\b");

    private ModelReferences() {}

    static String withoutComments(String sql) {
        return COMMENT.matcher(sql).replaceAll(" ");
    }

    /**
     * What {@code sql} reads: names among {@code known}, and unknown names that look like models
     * (which the caller reports as missing). A qualified name ({@code schema.table}) is not a
     * model and is left out.
     */
    static Set<String> in(String sql, Set<String> known) {
        String code = STRING.matcher(withoutComments(sql)).replaceAll("''");
        Set<String> ctes = new HashSet<>();
        Matcher cte = CTE.matcher(code);
        while (cte.find()) {
            ctes.add(cte.group(1).toLowerCase());
        }
        Set<String> references = new LinkedHashSet<>();
        Matcher source = SOURCE.matcher(code);
        while (source.find()) {
            String name = source.group(1).toLowerCase();
            boolean function = source.group(2) != null;
            if (function || name.contains(".") || ctes.contains(name)) {
                continue;
            }
            if (known.contains(name) || MODEL_NAME.matcher(name).matches()) {
                references.add(name);
            }
        }
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            String name = identifier.group().toLowerCase();
            if (known.contains(name) && !ctes.contains(name)) {
                references.add(name);
            }
        }
        return references;
    }
}
