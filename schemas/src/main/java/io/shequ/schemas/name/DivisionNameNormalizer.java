package io.shequ.schemas.name;

import io.shequ.schemas.text.TypedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reduces a community, village or street name to the part that identifies it, so that what an
 * office typed ("乐山小区社区", "乐山小区社区居委会", "乐山小区") and what the NBS list says
 * ("乐山小区社区居民委员会") meet. Apply the same method to both sides of a comparison.
 *
 * <p>Folding: NFKC (full-width to half-width) and all whitespace removed. A name is never
 * reduced to nothing: a suffix or prefix that is the whole name stays. Null in gives null out.
 */
public final class DivisionNameNormalizer {

    /** In precedence order: the longest spelling of a committee first, the bare place word last. */
    static final List<String> UNIT_SUFFIXES = List.of("社区居民委员会", "社区居委会", "居民委员会", "居委会", "社区", "村民委员会", "村委会", "村");

    /**
     * Only the street-office suffixes. 镇 and 乡 are part of a town's name (兴隆镇 is not 兴隆街道,
     * and a district can have both), so they stay.
     */
    static final List<String> STREET_SUFFIXES = List.of("街道办事处", "街道办", "街道", "办事处");

    private DivisionNameNormalizer() {}

    /**
     * The identifying part of a village-level name. Suffixes are stripped repeatedly, so that
     * "党家庄东村村民委员会", "党家庄东村委会" and "党家庄东村" all give "党家庄东", and a
     * village-converted community "X村社区" gives "X". "小区" is not a suffix: "乐山小区" stays.
     */
    public static String normalize(String raw) {
        String text = TypedText.compact(raw);
        return text == null ? null : stripSuffixes(text, false);
    }

    /**
     * As {@link #normalize(String)}, after removing a leading street name that offices often put
     * before a community's ("舜玉路街道舜玉社区"): the street's full name, the name without its
     * street-office suffix, or without 镇/乡. The prefix stays when removing it would leave
     * only a suffix ("四里村街道" and "四里村社区"). A null or blank street is ignored.
     */
    public static String normalize(String raw, String streetName) {
        String text = TypedText.compact(raw);
        if (text == null) {
            return null;
        }
        String street = TypedText.compact(streetName);
        if (street != null && !street.isEmpty()) {
            for (String prefix : streetPrefixes(street)) {
                if (text.startsWith(prefix)) {
                    String rest = text.substring(prefix.length());
                    if (!stripSuffixes(rest, true).isEmpty()) {
                        text = rest;
                        break;
                    }
                }
            }
        }
        return stripSuffixes(text, false);
    }

    /**
     * A street office's name without 街道办事处, 街道办, 街道 or 办事处 ("党家街道" gives "党家");
     * towns and townships keep 镇 and 乡 ("兴隆镇" stays). Null in gives null out.
     */
    public static String normalizeStreet(String raw) {
        String text = TypedText.compact(raw);
        if (text == null) {
            return null;
        }
        for (String suffix : STREET_SUFFIXES) {
            if (text.endsWith(suffix) && text.length() > suffix.length()) {
                return text.substring(0, text.length() - suffix.length());
            }
        }
        return text;
    }

    /** Longest first, so 党家街道 goes before 党家. */
    private static List<String> streetPrefixes(String street) {
        String core = normalizeStreet(street);
        String bare = core;
        if ((core.endsWith("镇") || core.endsWith("乡")) && core.length() > 1) {
            bare = core.substring(0, core.length() - 1);
        }
        List<String> prefixes = new ArrayList<>(List.of(street, core, bare));
        if (!core.equals(street)) {
            // a street office written with another of its suffixes: 舜玉路街道办事处 as 舜玉路街道, 舜玉路办事处
            STREET_SUFFIXES.forEach(suffix -> prefixes.add(core + suffix));
        }
        return prefixes.stream()
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /**
     * True when {@code raw} begins with the street's (or town's) name, with or without its suffix,
     * and something that names a community is left after it ("舜玉路街道舜玉社区", "兴隆兴隆村").
     */
    public static boolean startsWithStreet(String raw, String streetName) {
        String text = TypedText.compact(raw);
        String street = TypedText.compact(streetName);
        if (text == null || street == null || street.isEmpty()) {
            return false;
        }
        return streetPrefixes(street).stream()
                .anyMatch(p -> text.startsWith(p)
                        && !stripSuffixes(text.substring(p.length()), true).isEmpty());
    }

    /** Strips to a fixed point; {@code allowEmpty} only for asking whether anything would be left. */
    private static String stripSuffixes(String text, boolean allowEmpty) {
        String current = text;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : UNIT_SUFFIXES) {
                boolean leavesSomething = current.length() > suffix.length() || allowEmpty;
                if (current.endsWith(suffix) && leavesSomething) {
                    current = current.substring(0, current.length() - suffix.length());
                    changed = !current.isEmpty();
                    break;
                }
            }
        }
        return current;
    }
}
