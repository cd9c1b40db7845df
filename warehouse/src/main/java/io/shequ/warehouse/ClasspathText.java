package io.shequ.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** UTF-8 text resources shipped with the warehouse: SQL models, DDL and queries. */
final class ClasspathText {

    private ClasspathText() {
    }

    /** The whole resource; fails if it is missing, since a missing model is a packaging bug. */
    static String read(String path) {
        try (InputStream in = ClasspathText.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + path, e);
        }
    }

    /** The non-blank lines of a list resource, without {@code #} comment lines, trimmed. */
    static List<String> listed(String path) {
        return read(path).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
