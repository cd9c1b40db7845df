package io.shequ.jobs.conform;

import io.shequ.schemas.text.TypedText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A 服务社区 list → the communities it names, each resolved or the first part that is not.
 *
 * <p>Splitting: on the punctuation people put between names (、，,；;／/), always. Spaces and
 * the conjunctions 和, 与, 及 and 以及 can be inside a real name (和平社区, "乐山 社区"), so a part
 * holding one is first resolved whole; only when the whole does not resolve (or only by
 * similarity) is it split there, and then only where every piece on both sides resolves. A part
 * that still does not resolve is named in the reason (the first space-separated piece that does
 * not, when it has spaces). A part that
 * begins with the name of a street or town of the district ("舜玉路街道舜玉社区") is resolved
 * within that street with the prefix removed, whoever bought the service.
 */
final class ServedCommunities {

    private static final Pattern SEPARATORS = Pattern.compile("[、,;；，/／]+");
    private static final Pattern SPACES = Pattern.compile("[\\s\u3000\u00a0]+");
    /** Where a run of spaces stood inside a part: split at like a conjunction. */
    private static final String SPACE = "\u0001";

    private static final List<String> CONJUNCTIONS = List.of(SPACE, "以及", "及", "和", "与");

    /** The codes the parts name in order, or the reason and cause of the first part that cannot be resolved. */
    record Outcome(List<Resolution> parts, String failedPart, Resolution failure) {}

    private final DivisionResolver resolver;
    private final String districtCode;
    private final String streetCode;

    /** {@code streetCode}: the purchasing street office, searched first; null when a district bought. */
    ServedCommunities(DivisionResolver resolver, String districtCode, String streetCode) {
        this.resolver = resolver;
        this.districtCode = districtCode;
        this.streetCode = streetCode;
    }

    Outcome resolve(String servedText) {
        List<Resolution> found = new ArrayList<>();
        for (String raw : SEPARATORS.split(TypedText.halfWidth(servedText))) {
            String part = SPACES.matcher(raw.strip()).replaceAll(SPACE);
            if (part.isEmpty()) {
                continue;
            }
            Resolution whole = name(part);
            if (whole.resolved() && whole.method() != Resolution.Method.SIMILARITY) {
                found.add(whole);
                continue;
            }
            List<Resolution> pieces = split(part);
            if (pieces != null) {
                found.addAll(pieces);
            } else if (whole.resolved()) {
                found.add(whole);
            } else {
                return failed(part, whole);
            }
        }
        return new Outcome(found, null, null);
    }

    /** The first space-separated piece that does not resolve, else the whole part. */
    private Outcome failed(String part, Resolution whole) {
        for (String piece : part.split(SPACE)) {
            Resolution r = name(piece);
            if (part.contains(SPACE) && !r.resolved()) {
                return new Outcome(List.of(), piece, r);
            }
        }
        return new Outcome(List.of(), part.replace(SPACE, " "), whole);
    }

    /** The part split at a conjunction into pieces that all resolve (recursively), or null when no split does. */
    private List<Resolution> split(String part) {
        for (int i = 1; i < part.length() - 1; i++) {
            for (String conjunction : CONJUNCTIONS) {
                if (!part.startsWith(conjunction, i) || i + conjunction.length() >= part.length()) {
                    continue;
                }
                Resolution left = name(part.substring(0, i));
                if (!left.resolved() || left.method() == Resolution.Method.SIMILARITY) {
                    continue;
                }
                String rest = part.substring(i + conjunction.length());
                Resolution right = name(rest);
                if (right.resolved() && right.method() != Resolution.Method.SIMILARITY) {
                    return List.of(left, right);
                }
                List<Resolution> more = split(rest);
                if (more != null) {
                    List<Resolution> all = new ArrayList<>(List.of(left));
                    all.addAll(more);
                    return all;
                }
            }
        }
        return null;
    }

    /** One name: near the purchasing street, else within a street whose name it begins with. */
    private Resolution name(String written) {
        String name = TypedText.compact(written.replace(SPACE, ""));
        Resolution near = resolver.communityNear(districtCode, streetCode, name);
        if (near.resolved() && near.method() != Resolution.Method.SIMILARITY) {
            return near;
        }
        for (String street : resolver.streetsBeginning(districtCode, name)) {
            if (street.equals(streetCode)) {
                continue;
            }
            Resolution within = resolver.community(street, name);
            if (within.resolved() && within.method() != Resolution.Method.SIMILARITY) {
                return within;
            }
        }
        return near;
    }
}
