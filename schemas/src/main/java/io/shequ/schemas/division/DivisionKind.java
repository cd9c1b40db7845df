package io.shequ.schemas.division;

/**
 * What kind of unit a division code names, derived from the NBS code ranges alone.
 *
 * <p>Township part (digits 7-9): 001-099 street office, 100-199 town, 200-399 township,
 * 400-599 development zone and similar. Village part (digits 10-12): 001-199 residents'
 * committee, 200-399 villagers' committee, 400-499 like a residents' committee, 500-599 like a
 * villagers' committee.
 */
public enum DivisionKind {
    PROVINCE,
    CITY,
    DISTRICT,
    STREET_OFFICE,
    TOWN,
    TOWNSHIP,
    DEVELOPMENT_ZONE,
    RESIDENTS_COMMITTEE,
    VILLAGERS_COMMITTEE;

    /** True for residents' committees and units counted like them (communities, 社区). */
    public boolean isCommunity() {
        return this == RESIDENTS_COMMITTEE;
    }

    static DivisionKind ofTownshipPart(int part) {
        if (part >= 1 && part <= 99) {
            return STREET_OFFICE;
        }
        if (part >= 100 && part <= 199) {
            return TOWN;
        }
        if (part >= 200 && part <= 399) {
            return TOWNSHIP;
        }
        if (part >= 400 && part <= 599) {
            return DEVELOPMENT_ZONE;
        }
        throw new IllegalArgumentException("township part " + part + " is outside the NBS ranges 001-599");
    }

    static DivisionKind ofVillagePart(int part) {
        if ((part >= 1 && part <= 199) || (part >= 400 && part <= 499)) {
            return RESIDENTS_COMMITTEE;
        }
        if ((part >= 200 && part <= 399) || (part >= 500 && part <= 599)) {
            return VILLAGERS_COMMITTEE;
        }
        throw new IllegalArgumentException("village part " + part + " is outside the NBS ranges 001-599");
    }
}
