package io.shequ.simulator;

import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The district a simulation covers, as the NBS 2023 list has it: its street offices (every
 * township-level unit with village-level units) and their communities and villages.
 */
record SimulatedDistrict(Division district, String cityName, List<Street> streets) {

    /** A township-level unit and its village-level units, in code order. */
    record Street(Division office, List<Division> communities) {
        String name() {
            return office.name();
        }
    }

    static SimulatedDistrict load(DivisionCode districtCode) {
        NbsDivisions nbs = NbsDivisions.bundled2023(List.of(districtCode));
        Division district = nbs.get(districtCode);
        Division city = nbs.get(districtCode.ancestor(DivisionLevel.CITY));
        String cityName = city.name().equals("市辖区")
                ? nbs.get(districtCode.ancestor(DivisionLevel.PROVINCE)).name()
                : city.name();
        List<Street> streets = new ArrayList<>();
        for (Division township : nbs.childrenOf(districtCode)) {
            List<Division> villages = nbs.childrenOf(township.code());
            if (!villages.isEmpty()) {
                streets.add(new Street(township, List.copyOf(villages)));
            }
        }
        if (streets.isEmpty()) {
            throw new IllegalArgumentException("district " + districtCode + " has no village-level units");
        }
        return new SimulatedDistrict(district, cityName, List.copyOf(streets));
    }

    /** The districts of a city that have village-level units, in code order (a city's sample covers these). */
    static List<DivisionCode> districtsOf(DivisionCode cityCode) {
        if (cityCode.level() != DivisionLevel.CITY) {
            throw new IllegalArgumentException("need a city code, got " + cityCode + " (" + cityCode.level() + ")");
        }
        NbsDivisions nbs = NbsDivisions.bundled2023(List.of(cityCode));
        Set<DivisionCode> withVillages = new TreeSet<>();
        for (Division village : nbs.within(cityCode, DivisionLevel.VILLAGE)) {
            withVillages.add(village.code().ancestor(DivisionLevel.DISTRICT));
        }
        if (withVillages.isEmpty()) {
            throw new IllegalArgumentException("city " + cityCode + " has no district with village-level units");
        }
        return List.copyOf(withVillages);
    }

    String name() {
        return district.name();
    }

    /** City and district as a title writes them, e.g. 济南市市中区. */
    String fullName() {
        return cityName + district.name();
    }

    List<Division> communities() {
        return streets.stream().flatMap(s -> s.communities().stream()).toList();
    }

    Street streetOf(Division community) {
        return streets.stream()
                .filter(s -> s.office().code().equals(community.parentCode()))
                .findFirst()
                .orElseThrow();
    }
}
