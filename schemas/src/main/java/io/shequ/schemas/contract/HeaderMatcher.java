package io.shequ.schemas.contract;

import io.shequ.schemas.text.TypedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds a contract's fields among the header cells of a source file, however each office spells
 * them, and finds the header row itself below any title rows.
 *
 * <p>Headers and aliases are compared after {@link #normalizeHeader}. When two columns name one
 * field the first wins; when one spelling is an alias of two fields the field listed first in
 * the contract wins. Both are reported as {@link HeaderIssue}s, as are unknown headers.
 */
public final class HeaderMatcher {

    private final SourceContract contract;
    /** Normalised spelling to the fields it names, in contract order. */
    private final Map<String, List<FieldSpec>> bySpelling = new LinkedHashMap<>();

    public HeaderMatcher(SourceContract contract) {
        this.contract = contract;
        for (FieldSpec field : contract.fields()) {
            Set<String> own = new LinkedHashSet<>();
            for (String spelling : field.headerSpellings()) {
                own.add(normalizeHeader(spelling));
            }
            for (String key : own) {
                bySpelling.computeIfAbsent(key, k -> new ArrayList<>()).add(field);
            }
        }
    }

    /**
     * The key a header is compared by: full-width forms folded (（）to (), ㎡ to m2), whitespace
     * and line breaks removed, the asterisks templates use to mark required columns removed,
     * and Latin letters lower-cased. Null reads as "".
     */
    public static String normalizeHeader(String header) {
        String text = TypedText.compact(header);
        return text == null ? "" : text.replace("*", "").toLowerCase(Locale.ROOT);
    }

    /** The mapping when every required field has a column, else empty; see {@link #examine}. */
    public Optional<HeaderMapping> match(List<String> cells) {
        HeaderMatch result = examine(cells);
        return result.isComplete() ? Optional.of(result.mapping()) : Optional.empty();
    }

    /** Reads {@code cells} as a header row and says what it found and what is missing. Null cells are blank. */
    public HeaderMatch examine(List<String> cells) {
        TreeMap<Integer, FieldSpec> columns = new TreeMap<>();
        Map<String, Integer> columnOfField = new LinkedHashMap<>();
        List<HeaderIssue> issues = new ArrayList<>();
        for (int column = 0; column < cells.size(); column++) {
            String header = cells.get(column);
            String key = normalizeHeader(header);
            if (key.isEmpty()) {
                continue;
            }
            List<FieldSpec> candidates = bySpelling.get(key);
            if (candidates == null) {
                issues.add(new HeaderIssue(column, header, HeaderIssue.Kind.UNKNOWN_HEADER,
                        "column " + (column + 1) + " '" + header + "' names no field of " + contract.name()));
                continue;
            }
            FieldSpec field = candidates.get(0);
            if (candidates.size() > 1) {
                issues.add(new HeaderIssue(column, header, HeaderIssue.Kind.AMBIGUOUS_ALIAS,
                        "column " + (column + 1) + " '" + header + "' could be any of "
                                + candidates.stream().map(FieldSpec::name).toList() + "; read as " + field.name()));
            }
            Integer earlier = columnOfField.putIfAbsent(field.name(), column);
            if (earlier != null) {
                issues.add(new HeaderIssue(column, header, HeaderIssue.Kind.DUPLICATE_COLUMN,
                        "column " + (column + 1) + " '" + header + "' repeats " + field.name()
                                + " of column " + (earlier + 1) + "; ignored"));
                continue;
            }
            columns.put(column, field);
        }
        List<FieldSpec> missing = contract.requiredFields().stream()
                .filter(f -> !columnOfField.containsKey(f.name()))
                .toList();
        return new HeaderMatch(new HeaderMapping(columns, issues), missing);
    }

    /**
     * The index of the first row that holds every required field, so that title rows such as
     * "2023年第一季度社区基本情况统计表" above the header are skipped; empty when no row does.
     */
    public OptionalInt findHeaderRow(List<List<String>> firstRows) {
        for (int row = 0; row < firstRows.size(); row++) {
            List<String> cells = firstRows.get(row);
            if (cells != null && examine(cells).isComplete()) {
                return OptionalInt.of(row);
            }
        }
        return OptionalInt.empty();
    }
}
