package io.shequ.orchestration.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the shell's input into statements: a statement ends at a {@code ;} outside quotes and
 * comments, and may span lines; a line starting with {@code \} while no statement is open is one
 * shell command ({@code \d}, {@code \export FILE}, {@code \q}). Text left at the end of the input
 * without a {@code ;} is a statement too.
 */
final class SqlStatements {

    private final StringBuilder open = new StringBuilder();

    /** Feeds one line; returns the statements and commands it completes, in order. */
    List<String> line(String line) {
        List<String> done = new ArrayList<>();
        if (open.toString().isBlank() && line.strip().startsWith("\\")) {
            open.setLength(0);
            done.add(line.strip());
            return done;
        }
        char quote = 0;
        boolean comment = false;
        int from = 0;
        String text = open + line + "\n";
        open.setLength(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (comment) {
                comment = c != '\n';
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                comment = true;
            } else if (c == ';') {
                String statement = text.substring(from, i).strip();
                if (!statement.isEmpty()) {
                    done.add(statement);
                }
                from = i + 1;
            }
        }
        String rest = text.substring(from);
        if (!rest.isBlank()) {
            open.append(rest);
        }
        return done;
    }

    /** Whether a statement is begun and not yet ended. */
    boolean isOpen() {
        return !open.toString().isBlank();
    }

    /** The statement left open at the end of the input, if any; clears it. */
    String finish() {
        String rest = open.toString().strip();
        open.setLength(0);
        return rest;
    }

    /** Drops what is open (Ctrl-C at the prompt). */
    void clear() {
        open.setLength(0);
    }
}
