package io.shequ.jobs.conform;

import io.shequ.jobs.conform.Resolution.Method;
import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import io.shequ.schemas.name.DivisionAliases;
import io.shequ.schemas.name.DivisionNameNormalizer;
import io.shequ.schemas.text.TypedText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves written street and community names to NBS codes within the configured districts, in
 * this order: the official name as written, a confirmed alias ({@link DivisionAliases}), the
 * normalised name ({@link DivisionNameNormalizer}: suffixes, full-width forms, spaces, a street
 * prefix), then similarity within the right street (communities) or district (streets)
 * ({@link SimilarNames}). Precision first: a name that could mean two units, or none closely
 * enough, is not resolved, and the result names the best candidates with their scores.
 * Serializable so Spark UDFs can carry it to executors.
 */
public final class DivisionResolver implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DivisionAliases aliases;
    private final Map<String, String> districtNames = new LinkedHashMap<>();
    private final Map<String, Division> units = new HashMap<>();
    private final Map<String, NamePool> streetsByDistrict = new HashMap<>();
    private final NamePool allStreets;
    private final Map<String, NamePool> communitiesByStreet = new HashMap<>();
    private final Map<String, NamePool> communitiesByDistrict = new HashMap<>();

    /** With the curated aliases shipped in schemas/. */
    public DivisionResolver(NbsDivisions nbs, List<DivisionCode> districts) {
        this(nbs, districts, DivisionAliases.bundled());
    }

    public DivisionResolver(NbsDivisions nbs, List<DivisionCode> districts, DivisionAliases aliases) {
        this.aliases = aliases;
        List<Division> streets = new ArrayList<>();
        for (DivisionCode district : districts) {
            districtNames.put(district.value(), nbs.get(district).name());
            List<Division> districtStreets = nbs.within(district, DivisionLevel.TOWNSHIP);
            streets.addAll(districtStreets);
            streetsByDistrict.put(district.value(), new NamePool(DivisionLevel.TOWNSHIP, districtStreets));
            List<Division> villages = nbs.within(district, DivisionLevel.VILLAGE);
            communitiesByDistrict.put(district.value(), new NamePool(DivisionLevel.VILLAGE, villages));
            for (Division street : districtStreets) {
                units.put(street.code().value(), street);
                communitiesByStreet.put(
                        street.code().value(),
                        new NamePool(
                                DivisionLevel.VILLAGE,
                                villages.stream()
                                        .filter(v -> street.code().equals(v.parentCode()))
                                        .toList()));
            }
            villages.forEach(v -> units.put(v.code().value(), v));
        }
        this.allStreets = new NamePool(DivisionLevel.TOWNSHIP, streets);
    }

    /** The street office a hint names, within any configured district. */
    public Resolution street(String hint) {
        return street(hint, null);
    }

    /**
     * The street office a hint names (先锋道街道, 先锋道街道办事处, a title holding it), within the
     * configured district that {@code districtHint} names, or within all of them when it names none.
     */
    public Resolution street(String hint, String districtHint) {
        String text = TypedText.compact(hint);
        if (text == null || text.isEmpty()) {
            return Resolution.unknown("no street office named", List.of());
        }
        List<String> scope = districtsNamed(districtHint);
        NamePool pool = scope.size() == 1 ? streetsByDistrict.get(scope.get(0)) : allStreets;
        String where = scope.stream().map(districtNames::get).toList().toString();
        List<String> keys = List.of(pool.key(text));
        Optional<Resolution> found = exactAliasOrNormalised(text, keys, pool, scope, where);
        if (found.isPresent()) {
            return found.get();
        }
        Resolution contained = containedStreet(text, pool, where);
        return contained != null
                ? contained
                : SimilarNames.pick(SimilarNames.rank(keys, pool.units(), u -> pool.key(u.name())), hint, where);
    }

    /** The community or village called {@code name} within a street office. */
    public Resolution community(String streetCode, String name) {
        NamePool pool = communitiesByStreet.get(streetCode);
        if (pool == null) {
            return Resolution.unknown("street " + streetCode + " is not in the configured districts", List.of());
        }
        String text = TypedText.compact(name);
        if (text == null || text.isEmpty()) {
            return Resolution.unknown("no community named", List.of());
        }
        String streetName = units.get(streetCode).name();
        String where = streetName + " " + streetCode;
        String districtName = districtNames.get(streetCode.substring(0, 6) + "000000");
        // the name as written first: a street prefix may also begin a community's own name (六里山路 in 六里山街道)
        Set<String> keys = new LinkedHashSet<>();
        keys.add(DivisionNameNormalizer.normalize(text));
        keys.add(DivisionNameNormalizer.normalize(text, streetName));
        if (districtName != null && text.startsWith(districtName) && text.length() > districtName.length()) {
            keys.add(DivisionNameNormalizer.normalize(text.substring(districtName.length()), streetName));
        }
        List<String> keyList = List.copyOf(keys);
        return exactAliasOrNormalised(text, keyList, pool, List.of(streetCode), where)
                .orElseGet(() -> SimilarNames.pick(
                        SimilarNames.rank(keyList, pool.units(), u -> pool.key(u.name())), name, where));
    }

    /** The community or village called {@code name} anywhere in a district (the street is not known). */
    public Resolution communityInDistrict(String districtCode, String name) {
        NamePool pool = communitiesByDistrict.get(districtCode);
        if (pool == null) {
            return Resolution.unknown("district " + districtCode + " is not configured", List.of());
        }
        String text = TypedText.compact(name);
        if (text == null || text.isEmpty()) {
            return Resolution.unknown("no community named", List.of());
        }
        String where = districtNames.get(districtCode) + " " + districtCode.substring(0, 6);
        List<String> keys = List.of(DivisionNameNormalizer.normalize(text));
        return exactAliasOrNormalised(text, keys, pool, List.of(districtCode), where)
                .orElseGet(() ->
                        SimilarNames.pick(SimilarNames.rank(keys, pool.units(), u -> pool.key(u.name())), name, where));
    }

    /**
     * A community named by a street office's ledger: within that street first, then within the
     * district (a street may buy for a community of another street). A name that is ambiguous
     * within the street stays ambiguous.
     */
    public Resolution communityNear(String districtCode, String streetCode, String name) {
        if (streetCode == null) {
            return communityInDistrict(districtCode, name);
        }
        Resolution inStreet = community(streetCode, name);
        if (inStreet.failure() == Resolution.Failure.AMBIGUOUS
                || inStreet.resolved() && inStreet.method() != Method.SIMILARITY) {
            return inStreet;
        }
        Resolution inDistrict = communityInDistrict(districtCode, name);
        if (inDistrict.failure() == Resolution.Failure.AMBIGUOUS
                || inDistrict.resolved() && inDistrict.method() != Method.SIMILARITY) {
            return inDistrict;
        }
        // a similarity match within the purchasing street beats one anywhere in the district
        return inStreet.resolved() ? inStreet : inDistrict;
    }

    /**
     * The street offices and towns of a district whose name, with or without its suffix, begins
     * {@code name} ("舜玉路街道舜玉社区"), so a ledger bought by the district can name a community
     * the way its street writes it.
     */
    public List<String> streetsBeginning(String districtCode, String name) {
        NamePool streets = streetsByDistrict.get(districtCode);
        if (streets == null) {
            return List.of();
        }
        return streets.units().stream()
                .filter(s -> DivisionNameNormalizer.startsWithStreet(name, s.name()))
                .map(s -> s.code().value())
                .toList();
    }

    /** The configured district whose name {@code text} mentions, or the only one configured. */
    public Resolution district(String text) {
        if (districtNames.size() == 1) {
            return Resolution.of(districtNames.keySet().iterator().next(), Method.EXACT);
        }
        List<String> hits = mentionedDistricts(text);
        return hits.size() == 1
                ? Resolution.of(hits.get(0), Method.NORMALISED)
                : Resolution.unknown(
                        "cannot tell which of the configured districts " + districtNames.values() + " is meant",
                        List.of());
    }

    /** The divisions a ledger's 服务社区 text names, and how the amount is shared among them; see {@link ServedDivisions}. */
    public Served served(String servedText, String purchaser, String title) {
        return new ServedDivisions(this).resolve(servedText, purchaser, title);
    }

    /** The official name of a loaded street or community, or null. */
    public String nameOf(String code) {
        Division unit = units.get(code);
        return unit == null ? null : unit.name();
    }

    private Optional<Resolution> exactAliasOrNormalised(
            String text, List<String> keys, NamePool pool, List<String> aliasContexts, String where) {
        List<Division> exact = pool.withName(text);
        if (exact.size() == 1) {
            return Optional.of(Resolution.of(exact.get(0).code().value(), Method.EXACT));
        }
        if (exact.size() > 1) {
            return Optional.of(
                    Resolution.ambiguous("'" + text + "' names several units of " + where, NamePool.exactly(exact)));
        }
        Optional<Resolution> alias = alias(text, keys, pool.level(), aliasContexts);
        if (alias.isPresent()) {
            return alias;
        }
        for (String key : keys) {
            List<Division> found = pool.withKey(key);
            if (found.size() > 1) {
                // 高井社区 and 高井村 share a core: the suffix written says which committee is meant
                found = NamePool.ofWrittenKind(text, found);
            }
            if (found.size() == 1) {
                return Optional.of(Resolution.of(found.get(0).code().value(), Method.NORMALISED));
            }
            if (found.size() > 1) {
                return Optional.of(Resolution.ambiguous(
                        "'" + text + "' could mean several units of " + where, NamePool.exactly(found)));
            }
        }
        return Optional.empty();
    }

    private Optional<Resolution> alias(String text, List<String> keys, DivisionLevel level, List<String> contexts) {
        Set<String> codes = new LinkedHashSet<>();
        for (String context : contexts) {
            DivisionCode scope = new DivisionCode(context);
            aliases.find(scope, level, text)
                    .ifPresent(a -> codes.add(a.official().value()));
            for (String key : keys) {
                aliases.find(scope, level, key)
                        .ifPresent(a -> codes.add(a.official().value()));
            }
        }
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        List<Resolution.Candidate> candidates = codes.stream()
                .map(c -> new Resolution.Candidate(
                        c, units.containsKey(c) ? units.get(c).name() : "?", 1.0))
                .toList();
        if (codes.size() > 1) {
            return Optional.of(Resolution.ambiguous("aliases of '" + text + "' disagree", candidates));
        }
        String code = codes.iterator().next();
        return Optional.of(
                units.containsKey(code)
                        ? Resolution.of(code, Method.ALIAS)
                        : Resolution.unknown(
                                "the alias of '" + text + "' names " + code
                                        + ", which is not a unit of the configured districts",
                                List.of()));
    }

    /** A hint holding more than the name (a title): the longest official street name inside it. */
    private Resolution containedStreet(String text, NamePool pool, String where) {
        List<Division> best = new ArrayList<>();
        int bestLength = 0;
        for (Division street : pool.units()) {
            String key = pool.key(street.name());
            if (key.length() < 2 || key.length() < bestLength || !text.contains(key)) {
                continue;
            }
            if (key.length() > bestLength) {
                best.clear();
                bestLength = key.length();
            }
            best.add(street);
        }
        if (best.size() == 1) {
            return Resolution.of(best.get(0).code().value(), Method.NORMALISED);
        }
        return best.isEmpty()
                ? null
                : Resolution.ambiguous(
                        "street office '" + text + "' names several units of " + where, NamePool.exactly(best));
    }

    private List<String> districtsNamed(String hint) {
        List<String> hits = mentionedDistricts(hint);
        return hits.size() == 1 ? hits : List.copyOf(districtNames.keySet());
    }

    private List<String> mentionedDistricts(String text) {
        String compact = TypedText.compact(text == null ? "" : text);
        if (compact.isEmpty()) {
            return List.of();
        }
        return districtNames.entrySet().stream()
                .filter(e -> compact.contains(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
