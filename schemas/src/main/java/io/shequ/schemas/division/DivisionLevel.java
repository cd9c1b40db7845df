package io.shequ.schemas.division;

/** The five levels of the NBS statistical division code, with the digits each level owns. */
public enum DivisionLevel {
    PROVINCE(2),
    CITY(4),
    DISTRICT(6),
    TOWNSHIP(9),
    VILLAGE(12);

    private final int significantDigits;

    DivisionLevel(int significantDigits) {
        this.significantDigits = significantDigits;
    }

    /** How many leading digits of the 12-digit code identify a unit of this level. */
    public int significantDigits() {
        return significantDigits;
    }

    /** The level whose units contain units of this one, or null for provinces. */
    public DivisionLevel parent() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
