package io.shequ.orchestration.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes table and column names (from the source's {@link java.sql.DatabaseMetaData}, read once
 * when the shell starts), a few SQL keywords and the shell's commands.
 */
final class SqlCompleter implements Completer {

    private static final List<String> KEYWORDS = List.of(
            "SELECT",
            "FROM",
            "WHERE",
            "GROUP BY",
            "ORDER BY",
            "HAVING",
            "LIMIT",
            "JOIN",
            "LEFT JOIN",
            "ON",
            "AND",
            "OR",
            "NOT",
            "IN",
            "LIKE",
            "AS",
            "DISTINCT",
            "COUNT",
            "SUM",
            "AVG",
            "MIN",
            "MAX",
            "WITH",
            "UNION ALL",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "IS NULL",
            "DESCRIBE",
            "SUMMARIZE");
    private static final List<String> COMMANDS = List.of("\\d", "\\export", "\\q", "\\?");

    private final List<String> words;

    private SqlCompleter(List<String> words) {
        this.words = words;
    }

    /** The names {@code catalog} lists now; without them (a failing catalog) keywords only. */
    static SqlCompleter of(SqlCatalog catalog) {
        try {
            return new SqlCompleter(catalog.words());
        } catch (SQLException e) {
            return new SqlCompleter(List.of());
        }
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word();
        if (line.wordIndex() == 0 && word.startsWith("\\")) {
            COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        for (String name : words) {
            candidates.add(new Candidate(name, name, "names", null, null, null, true));
        }
        boolean lower = !word.isEmpty() && Character.isLowerCase(word.charAt(0));
        for (String keyword : KEYWORDS) {
            String text = lower ? keyword.toLowerCase(Locale.ROOT) : keyword;
            candidates.add(new Candidate(text, text, "keywords", null, null, null, true));
        }
    }
}
