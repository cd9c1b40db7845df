package io.shequ.schemas.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Deleting a folder and everything in it, the one way every part of Shequ does it. */
public final class FileTrees {

    private FileTrees() {}

    /**
     * Deletes {@code root} and all in it, deepest first; nothing when it does not exist. Links are
     * deleted, never followed. Returns the number of regular files deleted.
     */
    public static long delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        long files = 0;
        for (Path p : paths) {
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                files++;
            }
            Files.deleteIfExists(p);
        }
        return files;
    }
}
