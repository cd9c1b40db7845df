package io.shequ.simulator;

/**
 * One ledger cell as it is written: text, a number, or a date (an Excel serial number that an
 * XLSX shows with a date format and a CSV writes bare).
 *
 * @param text   what a CSV holds, and what an XLSX text cell holds
 * @param kind   how an XLSX stores it
 */
record WrittenCell(String text, Kind kind) {

    enum Kind {
        TEXT,
        NUMBER,
        DATE
    }

    static WrittenCell text(String text) {
        return new WrittenCell(text, Kind.TEXT);
    }

    /** A numeric cell; {@code digits} is its exact decimal text. */
    static WrittenCell number(String digits) {
        return new WrittenCell(digits, Kind.NUMBER);
    }

    /** An Excel serial date (days since 1899-12-30). */
    static WrittenCell date(long serial) {
        return new WrittenCell(Long.toString(serial), Kind.DATE);
    }
}
