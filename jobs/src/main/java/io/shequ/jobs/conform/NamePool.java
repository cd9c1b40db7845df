package io.shequ.jobs.conform;

import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.name.DivisionNameNormalizer;
import io.shequ.schemas.text.TypedText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The units a written name is matched against, indexed by official name and by normalised name:
 * the streets of a district, or the communities of a street or a district.
 */
final class NamePool implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DivisionLevel level;
    private final List<Division> units;
    private final Map<String, List<Division>> byName = new HashMap<>();
    private final Map<String, List<Division>> byKey = new HashMap<>();

    NamePool(DivisionLevel level, List<Division> units) {
        this.level = level;
        this.units = List.copyOf(units);
        for (Division unit : units) {
            byName.computeIfAbsent(TypedText.compact(unit.name()), k -> new ArrayList<>())
                    .add(unit);
            byKey.computeIfAbsent(key(unit.name()), k -> new ArrayList<>()).add(unit);
        }
    }

    /** The identifying part of a name of this pool's level: 党家街道 → 党家, 乐山小区社区居委会 → 乐山小区. */
    String key(String name) {
        return level == DivisionLevel.TOWNSHIP
                ? DivisionNameNormalizer.normalizeStreet(name)
                : DivisionNameNormalizer.normalize(name);
    }

    List<Division> withName(String compactName) {
        return byName.getOrDefault(compactName, List.of());
    }

    List<Division> withKey(String key) {
        return key == null ? List.of() : byKey.getOrDefault(key, List.of());
    }

    boolean contains(String code) {
        return units.stream().anyMatch(u -> u.code().value().equals(code));
    }

    List<Division> units() {
        return units;
    }

    DivisionLevel level() {
        return level;
    }

    /** Longest first: 社区居民委员会 says a residents' committee, 村民委员会 a villagers' committee. */
    private static final List<String> COMMUNITY_SUFFIXES = List.of("社区居民委员会", "社区居委会", "居民委员会", "居委会", "社区");

    private static final List<String> VILLAGE_SUFFIXES = List.of("村民委员会", "村委会", "村");

    /**
     * The units among {@code found} of the committee kind the written name's suffix says (社区, 居委会 …:
     * residents'; 村, 村委会 …: villagers'); all of them when the suffix says neither or none is of that kind.
     */
    static List<Division> ofWrittenKind(String written, List<Division> found) {
        Boolean community = null;
        for (String suffix : COMMUNITY_SUFFIXES) {
            if (written.endsWith(suffix)) {
                community = true;
                break;
            }
        }
        if (community == null) {
            for (String suffix : VILLAGE_SUFFIXES) {
                if (written.endsWith(suffix)) {
                    community = false;
                    break;
                }
            }
        }
        if (community == null) {
            return found;
        }
        boolean wanted = community;
        List<Division> ofKind =
                found.stream().filter(d -> d.kind().isCommunity() == wanted).toList();
        return ofKind.isEmpty() ? found : ofKind;
    }

    /** Candidates of a normalised match, each scored 1. */
    static List<Resolution.Candidate> exactly(List<Division> found) {
        return found.stream()
                .map(d -> new Resolution.Candidate(d.code().value(), d.name(), 1.0))
                .toList();
    }
}
