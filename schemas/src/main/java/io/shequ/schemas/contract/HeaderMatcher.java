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
 * <p>A header is first compared with the contract's spellings after {@link #normalizeHeader};
 * failing that, by the contract's {@link HeaderVariants} key (another word of a class, a unit,
 * width, spaces), which matches with a {@link HeaderIssue.Kind#HEADER_VARIANT} note. A header
 * that could name two fields is reported and read as neither; when two columns name one field
 * the first wins. Unknown headers are reported too, except those the contract ignores.
 */
public final class HeaderMatcher {

    private final SourceContract contract;
    /** Normalised spelling to the fields it names, in contract order. */
    private final Map<String, List<FieldSpec>> bySpelling = new LinkedHashMap<>();
    /** Variant key to the fields it names, and a spelling of each that has that key. */
    private final Map<String, Map<FieldSpec, String>> byVariant = new LinkedHashMap<>();

    public HeaderMatcher(SourceContract contract) {
        this.contract = contract;
        HeaderVariants variants = contract.variants();
        for (FieldSpec field : contract.fields()) {
            Set<String> own = new LinkedHashSet<>();
            for (String spelling : field.headerSpellings()) {
                own.add(normalizeHeader(spelling));
                byVariant.computeIfAbsent(variants.key(spelling), k -> new LinkedHashMap<>()).putIfAbsent(field, spelling);
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
            if (key.isEmpty() || contract.variants().ignores(header)) {
                continue;
            }
            String where = "column " + (column + 1) + " '" + header + "'";
            List<FieldSpec> candidates = bySpelling.get(key);
            HeaderIssue note = null;
            if (candidates == null) {
                Map<FieldSpec, String> variants = byVariant.getOrDefault(contract.variants().key(header), Map.of());
                candidates = List.copyOf(variants.keySet());
                if (candidates.size() == 1) {
                    FieldSpec field = candidates.get(0);
                    note = new HeaderIssue(column, header, HeaderIssue.Kind.HEADER_VARIANT, List.of(field.name()),
                            where + " read as " + field.name() + ": it differs from '" + variants.get(field) + "' only in "
                                    + differences(header, variants.get(field)));
                }
            }
            if (candidates.isEmpty()) {
                issues.add(new HeaderIssue(column, header, HeaderIssue.Kind.UNKNOWN_HEADER, List.of(),
                        where + " names no field of " + contract.name() + "; the column is not read"));
                continue;
            }
            if (candidates.size() > 1) {
                List<String> names = candidates.stream().map(FieldSpec::name).toList();
                issues.add(new HeaderIssue(column, header, HeaderIssue.Kind.AMBIGUOUS_HEADER, names,
                        where + " could be any of " + names + "; read as none of them"));
                continue;
            }
            FieldSpec field = candidates.get(0);
            Integer earlier = columnOfField.putIfAbsent(field.name(), column);
            if (earlier != null) {
                issues.add(new HeaderIssue(column, header, HeaderIssue.Kind.DUPLICATE_COLUMN, List.of(field.name()),
                        where + " repeats " + field.name() + " of column " + (earlier + 1) + "; ignored"));
                continue;
            }
            if (note != null) {
                issues.add(note);
            }
            columns.put(column, field);
        }
        List<FieldSpec> missing = contract.requiredFields().stream()
                .filter(f -> !columnOfField.containsKey(f.name()))
                .toList();
        return new HeaderMatch(new HeaderMapping(columns, issues), missing);
    }

    /** What a variant header changed: the word classes it swapped within, else units, width or spaces. */
    private String differences(String header, String spelling) {
        Set<String> classes = new java.util.TreeSet<>(contract.variants().classesIn(header));
        classes.retainAll(contract.variants().classesIn(spelling));
        boolean sameWords = normalizeHeader(header).equals(normalizeHeader(spelling));
        String words = classes.isEmpty() || sameWords ? "" : "words of class " + String.join(", ", classes) + " and ";
        return words + "units, brackets, width or spaces";
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
