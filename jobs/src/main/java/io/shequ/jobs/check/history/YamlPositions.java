package io.shequ.jobs.check.history;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every value in a YAML text, by path ({@code rules[2].min}), so that a
 * complaint about a rule file can point at the place a user has to fix. Jackson's tree drops
 * positions; this walks the tokens once to keep them.
 */
final class YamlPositions {

    private final Map<String, JsonLocation> positions = new HashMap<>();

    private YamlPositions() {}

    static YamlPositions of(String yaml) {
        YamlPositions result = new YamlPositions();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<int[]> arrayIndex = new ArrayDeque<>();
            String pending = "";
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    pending = (path.isEmpty() || path.peek().isEmpty() ? "" : path.peek() + ".") + parser.currentName();
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    path.pop();
                    arrayIndex.pop();
                    continue;
                }
                if (!arrayIndex.isEmpty() && arrayIndex.peek()[0] >= 0) {
                    pending = path.peek() + "[" + arrayIndex.peek()[0]++ + "]";
                }
                result.positions.putIfAbsent(pending, parser.currentTokenLocation());
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    path.push(pending);
                    arrayIndex.push(new int[] {token == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // unparsable text: the reader reports Jackson's own message; positions stay partial
        }
        return result;
    }

    /** "line L, column C" of the value at {@code path}, else of its nearest parent that has one. */
    String at(String path) {
        for (String p = path; ; p = parent(p)) {
            JsonLocation location = positions.get(p);
            if (location != null) {
                return "line " + location.getLineNr() + ", column " + location.getColumnNr();
            }
            if (p.isEmpty()) {
                return "line 1, column 1";
            }
        }
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
