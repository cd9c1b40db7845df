package io.shequ.orchestration.sql;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.utils.WCWidth;

/**
 * Prints a {@link ResultTable} as an aligned table, then its row count and time:
 * <pre>
 *  code         | name   | units
 * --------------+--------+-------
 *  370103001000 | 大观园街道 |    12
 * (1 row, 0.004 s)
 * </pre>
 * Widths count terminal columns, so Chinese names (two columns a character) line up; numbers are
 * right-aligned, NULL is printed as {@code NULL}.
 */
final class TableText {

    private TableText() {}

    static void print(ResultTable table, PrintStream out) {
        if (table.isEmpty()) {
            out.println("OK (" + seconds(table) + ")");
            return;
        }
        int columns = table.columns().size();
        List<String[]> cells = new ArrayList<>(table.rows().size());
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = width(table.columns().get(c));
        }
        for (List<Object> row : table.rows()) {
            String[] text = new String[columns];
            for (int c = 0; c < columns; c++) {
                String cell = CellText.of(row.get(c));
                text[c] = cell == null ? CellText.NULL : cell.replace('\n', ' ').replace('\t', ' ');
                widths[c] = Math.max(widths[c], width(text[c]));
            }
            cells.add(text);
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            line.append(c == 0 ? " " : " | ").append(pad(table.columns().get(c), widths[c], false));
        }
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int c = 0; c < columns; c++) {
            line.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.println(line);
        for (String[] text : cells) {
            line.setLength(0);
            for (int c = 0; c < columns; c++) {
                line.append(c == 0 ? " " : " | ")
                        .append(pad(text[c], widths[c], table.numeric().get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
        int rows = table.rows().size();
        out.println("(" + rows + (rows == 1 ? " row, " : " rows, ") + seconds(table) + ")");
    }

    private static String seconds(ResultTable table) {
        return String.format(Locale.ROOT, "%.3f s", table.elapsed().toNanos() / 1e9);
    }

    private static String pad(String text, int width, boolean right) {
        String space = " ".repeat(width - width(text));
        return right ? space + text : text + space;
    }

    /** Terminal columns {@code text} takes. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += Math.max(0, WCWidth.wcwidth(codePoint));
            i += Character.charCount(codePoint);
        }
        return width;
    }
}
