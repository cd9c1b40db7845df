package io.shequ.schemas.contract;

import java.util.List;
import java.util.Locale;

/**
 * Something about a header row worth telling the person who sent the file; none of these stop
 * the row from matching. {@code column} is 0-based; {@code header} is the cell as typed;
 * {@code fields} the contract fields concerned (the field read, the candidates, or none).
 */
public record HeaderIssue(int column, String header, Kind kind, List<String> fields, String message) {

    public HeaderIssue {
        fields = List.copyOf(fields);
    }

    public enum Kind {
        /** A second column names a field that an earlier column already supplies; it is ignored. */
        DUPLICATE_COLUMN,
        /** The header could name more than one field; it is read as none of them, never guessed. */
        AMBIGUOUS_HEADER,
        /** A non-blank header that names no field of the contract; the column is ignored. */
        UNKNOWN_HEADER,
        /**
         * The header differs from an alias only in ways the contract tolerates (another word of a
         * class, a unit, width, spaces) and is read as that field: a note, not a fault.
         */
        HEADER_VARIANT;

        /** The code used in findings and reports: unknown_header, header_variant, … */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
