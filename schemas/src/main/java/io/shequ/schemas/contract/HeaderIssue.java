package io.shequ.schemas.contract;

/**
 * Something about a header row worth telling the person who sent the file; none of these stop
 * the row from matching. {@code column} is 0-based; {@code header} is the cell as typed.
 */
public record HeaderIssue(int column, String header, Kind kind, String message) {

    public enum Kind {
        /** A second column names a field that an earlier column already supplies; it is ignored. */
        DUPLICATE_COLUMN,
        /** The header is an alias of more than one field in the contract; the first field wins. */
        AMBIGUOUS_ALIAS,
        /** A non-blank header that names no field of the contract; the column is ignored. */
        UNKNOWN_HEADER
    }
}
