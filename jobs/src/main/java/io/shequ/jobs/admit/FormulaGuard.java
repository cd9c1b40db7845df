package io.shequ.jobs.admit;

/**
 * Keeps a CSV export's cells from being run as formulas when a spreadsheet opens the file (CSV
 * injection, as OWASP describes it): a cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, TAB or CR gets a {@code '} in front, so Excel and LibreOffice read it as text.
 *
 * <p>The escape is made reversible, so a corrected row read back from the CSV is exactly the row
 * that was exported: a cell already starting with {@code '} is prefixed too, and reading back
 * strips exactly one {@code '} when it is followed by one of those characters or by another
 * {@code '}. {@code -5} is written {@code '-5} and read {@code -5}; {@code '=x} is written
 * {@code ''=x} and read {@code '=x}; {@code 'abc} is written {@code ''abc} and read {@code 'abc};
 * a cell an engineer types as {@code -5} without the quote is read as {@code -5}.
 */
public final class FormulaGuard {

    private static final String TRIGGERS = "=+-@\t\r";
    private static final char QUOTE = '\'';

    private FormulaGuard() {}

    /** The cell as written to CSV; null stays null. */
    public static String escape(String cell) {
        return cell != null && !cell.isEmpty() && needsQuote(cell.charAt(0)) ? QUOTE + cell : cell;
    }

    /** The cell as exported, from the cell read back from CSV; null stays null. */
    public static String unescape(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == QUOTE && needsQuote(cell.charAt(1))
                ? cell.substring(1)
                : cell;
    }

    private static boolean needsQuote(char first) {
        return first == QUOTE || TRIGGERS.indexOf(first) >= 0;
    }
}
