package io.shequ.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** UTF-8 text resources shipped with the warehouse: SQL models, DDL and queries. */
final class ClasspathText {

    private ClasspathText() {}

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
        return read(path)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** Whether the resource exists. */
    static boolean exists(String path) {
        return ClasspathText.class.getClassLoader().getResource(path) != null;
    }

    /**
     * The resource paths of the files in {@code folder} and its subfolders, sorted, whether the
     * classes run from a folder (tests) or from a jar (the shaded runnable jar).
     */
    static List<String> files(String folder) {
        URL url = ClasspathText.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return relative(jar.getPath("/" + folder), folder);
            }
            return relative(Path.of(uri), folder);
        } catch (IOException e) {
            throw new UncheckedIOException("listing resources in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("resource folder " + folder + " has no usable URI: " + url, e);
        }
    }

    private static List<String> relative(Path root, String folder) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> folder + "/" + root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
