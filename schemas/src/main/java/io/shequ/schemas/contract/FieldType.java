package io.shequ.schemas.contract;

/** How a source field's cells are read, which decides the parser a job applies to them. */
public enum FieldType {
    /** Free text, kept as typed (after trimming). */
    TEXT,
    /** A whole number of zero or more, read with {@code CellNumber.parseCount}. */
    COUNT,
    /** A floor area in m², decimals allowed, read with {@code CellNumber.parseArea}. */
    AREA,
    /** Money in yuan, read with {@code ChineseAmount}. */
    AMOUNT,
    /** One calendar date. */
    DATE,
    /** A start and an end date written in one cell, such as 2023.01.01-2023.12.31. */
    DATE_RANGE;

    /** True for types whose values are numbers and can carry min/max bounds. */
    public boolean isNumeric() {
        return this == COUNT || this == AREA || this == AMOUNT;
    }
}
