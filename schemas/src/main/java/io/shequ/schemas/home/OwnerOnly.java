package io.shequ.schemas.home;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything Shequ writes under its home is its owner's only: folders {@code rwx------}, files
 * {@code rw-------} (landed grid tables, staging and quarantine hold personal data in clear).
 *
 * <p>Files and folders are created with these modes (Java has no umask of its own, so the mode
 * is given at creation), never opened to others first and closed afterwards. {@link #restrict}
 * is for files another engine created (DuckDB, H2) inside a folder that is already owner-only.
 * On a file system without POSIX permissions nothing finer is set.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    /** Creates {@code folder} and every missing parent owner-only; folders already there stay as they are. */
    public static Path createDirectories(Path folder) throws IOException {
        return POSIX ? Files.createDirectories(folder, attribute(FOLDER)) : Files.createDirectories(folder);
    }

    /** Creates the empty file {@code file} owner-only; fails if it exists. */
    public static Path createFile(Path file) throws IOException {
        return POSIX ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
    }

    /**
     * Opens {@code file} for writing (by default created or truncated), created owner-only. A file
     * that already exists keeps its bytes' owner and is set owner-only too.
     */
    public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> open = new HashSet<>(
                options.length == 0
                        ? List.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                        : Arrays.asList(options));
        open.add(StandardOpenOption.WRITE);
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        OutputStream out = POSIX
                ? Channels.newOutputStream(Files.newByteChannel(file, open, attribute(FILE)))
                : Files.newOutputStream(file, open.toArray(OpenOption[]::new));
        if (existed) {
            restrict(file);
        }
        return out;
    }

    /** Writes {@code bytes} to {@code file} (created or replaced), owner-only. */
    public static Path write(Path file, byte[] bytes, OpenOption... options) throws IOException {
        try (OutputStream out = newOutputStream(file, options)) {
            out.write(bytes);
        }
        return file;
    }

    /** Writes {@code text} as UTF-8 to {@code file} (created or replaced), owner-only. */
    public static Path writeString(Path file, CharSequence text, OpenOption... options) throws IOException {
        return write(file, text.toString().getBytes(StandardCharsets.UTF_8), options);
    }

    /**
     * Sets {@code path} owner-only now: for a file another engine (DuckDB, H2) created and cannot be
     * told the mode of. Symbolic links are left alone (their mode means nothing).
     */
    public static Path restrict(Path path) throws IOException {
        if (POSIX && !Files.isSymbolicLink(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
        }
        return path;
    }

    /** {@link #restrict} for {@code path} and everything under it, where it exists. */
    public static void restrictTree(Path root) throws IOException {
        if (!POSIX || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                restrict(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether {@code path} grants nothing to its group or to others (true without POSIX permissions). */
    public static boolean isOwnerOnly(Path path) throws IOException {
        if (!POSIX) {
            return true;
        }
        Set<PosixFilePermission> granted = Files.getPosixFilePermissions(path);
        return granted.stream().allMatch(p -> p.name().startsWith("OWNER_"));
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
        return PosixFilePermissions.asFileAttribute(mode);
    }
}
