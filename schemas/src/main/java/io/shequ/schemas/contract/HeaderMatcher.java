package io.shequ.schemas.contract;

import io.shequ.schemas.text.TypedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds a contract's fields among the header cells of a source file, however each office spells
 * them, and finds the header itself (one row, or several: see {@link #findHeader}) below any title rows.
 *
 * <p>A header is first compared with the contract's spellings after {@link #normalizeHeader};
 * failing that, by the contract's {@link HeaderVariants} key (another word of a class, a unit,
 * width, spaces), which matches with a {@link HeaderIssue.Kind#HEADER_VARIANT} note. A header
 * that could name two fields is reported and read as neither; when two columns name one field
 * the first wins. Unknown headers are reported too, except those the contract ignores.
 */
public final class HeaderMatcher {

    /** The most rows a header may span. */
    public static final int MAX_HEADER_ROWS = 4;
    /** A cell that is a figure, which no header row holds. */
    private static final Pattern NUMBER = Pattern.compile("^[-+]?[0-9][0-9,.]*%?$");

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
                byVariant
                        .computeIfAbsent(variants.key(spelling), k -> new LinkedHashMap<>())
                        .putIfAbsent(field, spelling);
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
                Map<FieldSpec, String> variants =
                        byVariant.getOrDefault(contract.variants().key(header), Map.of());
                candidates = List.copyOf(variants.keySet());
                if (candidates.size() == 1) {
                    FieldSpec field = candidates.get(0);
                    note = new HeaderIssue(
                            column,
                            header,
                            HeaderIssue.Kind.HEADER_VARIANT,
                            List.of(field.name()),
                            where + " read as " + field.name() + ": it differs from '" + variants.get(field)
                                    + "' only in " + differences(header, variants.get(field)));
                }
            }
            if (candidates.isEmpty()) {
                issues.add(new HeaderIssue(
                        column,
                        header,
                        HeaderIssue.Kind.UNKNOWN_HEADER,
                        List.of(),
                        where + " names no field of " + contract.name() + "; the column is not read"));
                continue;
            }
            if (candidates.size() > 1) {
                List<String> names = candidates.stream().map(FieldSpec::name).toList();
                issues.add(new HeaderIssue(
                        column,
                        header,
                        HeaderIssue.Kind.AMBIGUOUS_HEADER,
                        names,
                        where + " could be any of " + names + "; read as none of them"));
                continue;
            }
            FieldSpec field = candidates.get(0);
            Integer earlier = columnOfField.putIfAbsent(field.name(), column);
            if (earlier != null) {
                issues.add(new HeaderIssue(
                        column,
                        header,
                        HeaderIssue.Kind.DUPLICATE_COLUMN,
                        List.of(field.name()),
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
        Set<String> classes = new TreeSet<>(contract.variants().classesIn(header));
        classes.retainAll(contract.variants().classesIn(spelling));
        boolean sameWords = normalizeHeader(header).equals(normalizeHeader(spelling));
        String words = classes.isEmpty() || sameWords ? "" : "words of class " + String.join(", ", classes) + " and ";
        return words + "units, brackets, width or spaces";
    }

    /**
     * The header among a sheet's first rows, so that title rows such as
     * "2023年第一季度社区基本情况统计表" above it are skipped; empty when no rows name every
     * required field. The header may span up to {@value #MAX_HEADER_ROWS} rows: a row below it
     * that holds only text (no number) continues it when joining its texts to the columns' loses
     * no column or field already read, so a group heading "矛盾纠纷" over "化解数" reads as
     * "矛盾纠纷化解数" and a unit row "(件)" is read as part of the header, not as data. Of the
     * candidates that name every required field, the one reading the most columns wins, then the
     * one with the fewest issues, then the one spanning the most rows, then the first.
     */
    public Optional<HeaderSpan> findHeader(List<List<String>> firstRows) {
        HeaderSpan best = null;
        for (int start = 0; start < firstRows.size(); start++) {
            List<String> cells = cells(firstRows.get(start));
            if (cells.stream().allMatch(String::isBlank)) {
                continue; // a header starts at a row with text
            }
            HeaderMatch match = examine(cells);
            for (int rows = 1; ; rows++) {
                HeaderSpan span = new HeaderSpan(start, rows, cells, match);
                if (match.isComplete() && (best == null || better(span, best))) {
                    best = span;
                }
                int next = start + rows;
                if (rows == MAX_HEADER_ROWS
                        || next >= firstRows.size()
                        || !continuesHeader(cells(firstRows.get(next)))) {
                    break;
                }
                List<String> joined = joined(cells, cells(firstRows.get(next)));
                HeaderMatch joinedMatch = examine(joined);
                if (!keepsColumns(match, joinedMatch)) {
                    break;
                }
                cells = joined;
                match = joinedMatch;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(HeaderSpan a, HeaderSpan b) {
        int columns = Integer.compare(
                a.match().mapping().columns().size(),
                b.match().mapping().columns().size());
        if (columns != 0) {
            return columns > 0;
        }
        int issues = Long.compare(faults(a), faults(b));
        if (issues != 0) {
            return issues < 0;
        }
        return a.rows() > b.rows();
    }

    /** Issues other than a variant note (a unit row makes "户数" read as the variant "户数(件)"). */
    private static long faults(HeaderSpan span) {
        return span.match().mapping().issues().stream()
                .filter(i -> i.kind() != HeaderIssue.Kind.HEADER_VARIANT)
                .count();
    }

    private static List<String> cells(List<String> row) {
        List<String> out = new ArrayList<>(row == null ? 0 : row.size());
        if (row != null) {
            row.forEach(c -> out.add(c == null ? "" : c));
        }
        return out;
    }

    /** A row that may continue a header: some text, and no cell that reads as a number. */
    private static boolean continuesHeader(List<String> row) {
        boolean text = false;
        for (String cell : row) {
            String compact = TypedText.compact(cell);
            if (compact == null || compact.isEmpty()) {
                continue;
            }
            if (NUMBER.matcher(compact).matches()) {
                return false;
            }
            text = true;
        }
        return text;
    }

    /** Each column's text above joined to its text below; a text equal to the one above (a vertical merge) is not repeated. */
    private static List<String> joined(List<String> above, List<String> below) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < Math.max(above.size(), below.size()); c++) {
            String top = c < above.size() ? above.get(c) : "";
            String bottom = c < below.size() ? below.get(c) : "";
            String lastTop = top.contains("\n") ? top.substring(top.lastIndexOf('\n') + 1) : top;
            if (bottom.isBlank() || normalizeHeader(bottom).equals(normalizeHeader(lastTop))) {
                out.add(top);
            } else if (top.isBlank()) {
                out.add(bottom);
            } else {
                out.add(top + "\n" + bottom);
            }
        }
        return out;
    }

    /**
     * True when {@code after} still reads every column and every field {@code before} reads; a
     * column may change field ("协商议事" alone is a variant of 协商议事次数, "协商议事平台数" is exact).
     */
    private static boolean keepsColumns(HeaderMatch before, HeaderMatch after) {
        var columns = after.mapping().columns();
        return columns.keySet().containsAll(before.mapping().columns().keySet())
                && columns.values().stream()
                        .map(FieldSpec::name)
                        .toList()
                        .containsAll(before.mapping().columns().values().stream()
                                .map(FieldSpec::name)
                                .toList());
    }
}
