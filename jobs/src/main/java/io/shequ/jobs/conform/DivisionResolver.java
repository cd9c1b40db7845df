package io.shequ.jobs.conform;

import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import io.shequ.schemas.name.DivisionNameNormalizer;
import io.shequ.schemas.text.TypedText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves written street and community names to NBS codes within the configured districts.
 * Precision first: a name that matches no unit, or more than one, is not resolved, and the
 * reason names the candidates. Serializable so Spark UDFs can carry it to executors.
 */
public final class DivisionResolver implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A code, or null with the reason it could not be told. */
    public record Resolution(String code, String reason) implements Serializable {
        static Resolution of(String code) {
            return new Resolution(code, null);
        }

        static Resolution failed(String reason) {
            return new Resolution(null, reason);
        }
    }

    private final Map<String, List<Division>> streetsByKey = new HashMap<>();
    private final Map<String, List<Division>> communitiesByStreetAndKey = new HashMap<>();
    private final Map<String, List<Division>> communitiesByDistrictAndKey = new HashMap<>();
    private final Map<String, String> districtNames = new HashMap<>();
    private final Map<String, String> streetNames = new HashMap<>();

    public DivisionResolver(NbsDivisions nbs, List<DivisionCode> districts) {
        for (DivisionCode district : districts) {
            districtNames.put(district.value(), nbs.get(district).name());
            for (Division street : nbs.within(district, DivisionLevel.TOWNSHIP)) {
                streetsByKey.computeIfAbsent(DivisionNameNormalizer.normalizeStreet(street.name()), k -> new ArrayList<>())
                        .add(street);
                streetNames.put(street.code().value(), street.name());
            }
            for (Division unit : nbs.within(district, DivisionLevel.VILLAGE)) {
                String key = DivisionNameNormalizer.normalize(unit.name());
                communitiesByStreetAndKey.computeIfAbsent(unit.parentCode().value() + "|" + key, k -> new ArrayList<>()).add(unit);
                communitiesByDistrictAndKey.computeIfAbsent(district.value() + "|" + key, k -> new ArrayList<>()).add(unit);
            }
        }
    }

    /** The street office a hint names: the longest official street name contained in it. */
    public Resolution street(String hint) {
        String text = DivisionNameNormalizer.normalizeStreet(TypedText.compact(hint));
        if (text == null || text.isEmpty()) {
            return Resolution.failed("no street office named");
        }
        List<Division> best = List.of();
        int bestLength = 0;
        for (Map.Entry<String, List<Division>> e : streetsByKey.entrySet()) {
            String key = e.getKey();
            if (!key.isEmpty() && text.contains(key) && key.length() >= bestLength) {
                best = key.length() > bestLength ? e.getValue() : concat(best, e.getValue());
                bestLength = key.length();
            }
        }
        if (best.size() == 1) {
            return Resolution.of(best.get(0).code().value());
        }
        return Resolution.failed(best.isEmpty()
                ? "street office '" + hint + "' matches no township-level unit of " + districtNames.values()
                : "street office '" + hint + "' is ambiguous: " + names(best));
    }

    /** The community or village called {@code name} within a street office. */
    public Resolution community(String streetCode, String name) {
        // the name as written first: a street prefix may also begin a community's own name (六里山路 in 六里山街道)
        List<Division> found = communitiesByStreetAndKey.getOrDefault(
                streetCode + "|" + DivisionNameNormalizer.normalize(name), List.of());
        if (found.isEmpty()) {
            found = communitiesByStreetAndKey.getOrDefault(
                    streetCode + "|" + DivisionNameNormalizer.normalize(name, streetNames.get(streetCode)), List.of());
        }
        return pick(found, "'" + name + "' matches no village-level unit of " + streetNames.get(streetCode),
                "'" + name + "' is ambiguous in " + streetNames.get(streetCode));
    }

    /** The community or village called {@code name} anywhere in a district. */
    public Resolution communityInDistrict(String districtCode, String name) {
        String key = DivisionNameNormalizer.normalize(name);
        List<Division> found = communitiesByDistrictAndKey.getOrDefault(districtCode + "|" + key, List.of());
        return pick(found, "'" + name + "' matches no village-level unit of " + districtNames.get(districtCode),
                "'" + name + "' is ambiguous in " + districtNames.get(districtCode));
    }

    /** The configured district whose name {@code text} mentions, or the only one configured. */
    public Resolution district(String text) {
        if (districtNames.size() == 1) {
            return Resolution.of(districtNames.keySet().iterator().next());
        }
        String compact = TypedText.compact(text == null ? "" : text);
        List<String> hits = districtNames.entrySet().stream().filter(e -> compact.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        return hits.size() == 1 ? Resolution.of(hits.get(0))
                : Resolution.failed("cannot tell which of the configured districts " + districtNames.values() + " is meant");
    }

    /** The divisions a ledger's 服务社区 text names, how the amount is shared among them, or why not. */
    public record Served(List<String> codes, String level, String rule, String reason) implements Serializable {
    }

    public Served served(String servedText, String purchaser, String title) {
        String text = TypedText.compact(servedText);
        if (text == null || text.isEmpty()) {
            return new Served(List.of(), null, null, "服务社区 is empty");
        }
        Resolution district = district(title);
        if (district.code() == null) {
            return new Served(List.of(), null, null, district.reason());
        }
        if (text.matches("全区|全区范围|全县|辖区内?全部社区")) {
            return new Served(List.of(district.code()), "district", "whole_district", null);
        }
        if (text.endsWith("全街道") || text.endsWith("全镇")) {
            String hint = text.replaceAll("(全街道|全镇)$", "");
            Resolution street = street(hint.isEmpty() ? purchaser : hint);
            return street.code() == null ? new Served(List.of(), null, null, street.reason())
                    : new Served(List.of(street.code()), "township", "whole_street", null);
        }
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        for (String name : text.split("[、,;/]+")) {
            if (name.isEmpty()) {
                continue;
            }
            Resolution r = communityInDistrict(district.code(), name);
            if (r.code() == null) {
                return new Served(List.of(), null, null, "服务社区 " + r.reason());
            }
            codes.add(r.code());
        }
        return codes.isEmpty() ? new Served(List.of(), null, null, "服务社区 names no community")
                : new Served(List.copyOf(codes), "village", "equal_split", null);
    }

    private static Resolution pick(List<Division> found, String none, String ambiguous) {
        if (found.size() == 1) {
            return Resolution.of(found.get(0).code().value());
        }
        return Resolution.failed(found.isEmpty() ? none : ambiguous + ": " + names(found));
    }

    private static String names(List<Division> units) {
        return units.stream().map(d -> d.name() + " " + d.code()).toList().toString();
    }

    private static List<Division> concat(List<Division> a, List<Division> b) {
        List<Division> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
