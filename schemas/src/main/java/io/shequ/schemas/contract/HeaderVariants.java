package io.shequ.schemas.contract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The ways people really vary a header that a contract tolerates, beyond its listed aliases: a
 * word of one class for another ({@code word_classes}: 议定, 化解, 办结 … are all "settled"), a
 * unit in brackets or a trailing unit word ({@code unit_words}), full-width or half-width forms,
 * and spaces. Both the contract's spellings and a file's headers are reduced to a
 * {@link #key}; equal keys name the same field.
 *
 * <p>The classes and unit words live in the contract YAML, not here, so that a data engineer can
 * widen them in the home's copy without a rebuild. {@code ignoredHeaders} are headers that carry
 * no field by design (序号, 备注): they are neither matched nor reported.
 */
public record HeaderVariants(
        Map<String, List<String>> wordClasses, List<String> unitWords, List<String> ignoredHeaders) {

    /** No tolerated variation: only the listed aliases match. */
    public static final HeaderVariants NONE = new HeaderVariants(Map.of(), List.of(), List.of());

    // ( ) [ ] { } after NFKC, plus the CJK brackets NFKC leaves alone: 【】〔〕〈〉《》「」
    private static final Pattern BRACKETED = Pattern.compile("[(\\[{【〔〈《「][^()\\[\\]{}【】〔〕〈〉《》「」]*[)\\]}】〕〉》」]");
    private static final char CLASS_MARK = '\u0001';

    public HeaderVariants {
        wordClasses = Map.copyOf(wordClasses);
        unitWords = unitWords.stream()
                .map(HeaderVariants::fold)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        ignoredHeaders = List.copyOf(ignoredHeaders);
    }

    /** True when {@code header} is one the contract says carries no field. */
    public boolean ignores(String header) {
        String folded = fold(header);
        return !folded.isEmpty()
                && ignoredHeaders.stream().map(HeaderVariants::fold).anyMatch(folded::equals);
    }

    /**
     * The key a header is compared by when no alias matches it exactly: NFKC-folded (full-width
     * to half-width, ㎡ to m2), without whitespace, asterisks or case; bracketed parts removed
     * (units such as （件）, (户), 【人】); trailing unit words removed while two characters remain;
     * each word of a class replaced by its class. Empty for a blank header.
     */
    public String key(String header) {
        String text = fold(header);
        String unbracketed = BRACKETED.matcher(text).replaceAll("");
        if (!unbracketed.isEmpty()) {
            text = unbracketed;
        }
        text = withoutTrailingUnits(text);
        return classed(text);
    }

    /** The classes whose words {@code header} uses, for the note that says why it matched. */
    public Set<String> classesIn(String header) {
        String text = fold(header);
        Set<String> used = new TreeSet<>();
        wordClasses.forEach((name, words) -> {
            if (words.stream().map(HeaderVariants::fold).anyMatch(text::contains)) {
                used.add(name);
            }
        });
        return used;
    }

    static String fold(String header) {
        if (header == null) {
            return "";
        }
        String text = Normalizer.normalize(header, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF' && c != '*')
                .forEach(out::appendCodePoint);
        return out.toString().replace("²", "2").toLowerCase(Locale.ROOT);
    }

    private String withoutTrailingUnits(String text) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String unit : unitWords) {
                if (!unit.isEmpty() && text.endsWith(unit) && text.length() - unit.length() >= 2) {
                    text = text.substring(0, text.length() - unit.length());
                    stripped = true;
                    break;
                }
            }
        }
        return text;
    }

    private String classed(String text) {
        List<String[]> words = new ArrayList<>();
        wordClasses.forEach((name, members) -> members.forEach(w -> words.add(new String[] {fold(w), name})));
        words.sort(Comparator.comparingInt((String[] w) -> w[0].length()).reversed());
        for (String[] word : words) {
            if (!word[0].isEmpty()) {
                text = text.replace(word[0], CLASS_MARK + word[1] + CLASS_MARK);
            }
        }
        return text;
    }
}
