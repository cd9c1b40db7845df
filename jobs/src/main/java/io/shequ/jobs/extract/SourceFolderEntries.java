package io.shequ.jobs.extract;

import io.shequ.schemas.contract.RejectRule;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Every entry under a source folder, each either a report file to land or refused with a rule and
 * a reason naming it: hidden entries ({@code hidden_file}), office lock files ({@code lock_file}),
 * other file types and special files ({@code unsupported_file}), links whose target lies outside the
 * folder ({@code outside_source}, never followed), links that loop ({@code link_loop}), and entries
 * that cannot be read ({@code unreadable_file}). A link whose target lies inside the folder is
 * followed. A refused folder is one entry: nothing under it is read.
 */
public final class SourceFolderEntries {

    private static final List<String> EXTENSIONS = List.of(".xlsx", ".csv");

    /** One entry: its path as walked (under the folder), and why it is refused, or null to land it. */
    public record Entry(Path path, LandedSource.Refusal refusal) {}

    private SourceFolderEntries() {}

    /** The entries under {@code folder}, in path order. */
    public static List<Entry> of(Path folder) throws IOException {
        Path root = folder.toRealPath();
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(
                folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (dir.equals(folder)) {
                            return FileVisitResult.CONTINUE;
                        }
                        LandedSource.Refusal refusal = hidden(dir, "folder");
                        if (refusal == null) {
                            refusal = outside(dir, root);
                        }
                        if (refusal == null) {
                            return FileVisitResult.CONTINUE;
                        }
                        entries.add(new Entry(dir, refusal));
                        return FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        entries.add(new Entry(file, judge(file, attrs, root)));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        entries.add(new Entry(file, failed(file, e)));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) {
                            entries.add(new Entry(dir, failed(dir, e)));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    private static LandedSource.Refusal judge(Path file, BasicFileAttributes attrs, Path root) {
        String name = file.getFileName().toString();
        if (name.startsWith("~$")) {
            return refuse(RejectRule.LOCK_FILE, "'" + name + "' is the lock file of an open workbook: not read");
        }
        LandedSource.Refusal refusal = hidden(file, "file");
        if (refusal == null) {
            refusal = outside(file, root);
        }
        if (refusal != null) {
            return refusal;
        }
        if (!attrs.isRegularFile()) {
            return refuse(
                    RejectRule.UNSUPPORTED_FILE,
                    "'" + name + "' is not a regular file (a device, socket or pipe): not read");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            return refuse(
                    RejectRule.UNSUPPORTED_FILE,
                    "'" + name + "' is not a file type Shequ reads (.xlsx or .csv): not read");
        }
        if (!Files.isReadable(file)) {
            return refuse(RejectRule.UNREADABLE_FILE, "'" + name + "' cannot be read: permission denied");
        }
        return null;
    }

    private static LandedSource.Refusal hidden(Path entry, String kind) {
        String name = entry.getFileName().toString();
        return name.startsWith(".")
                ? refuse(RejectRule.HIDDEN_FILE, "'" + name + "' is a hidden " + kind + ": not read")
                : null;
    }

    /** Refused when the entry's real path lies outside the folder's (a link), or cannot be resolved. */
    private static LandedSource.Refusal outside(Path entry, Path root) {
        try {
            Path real = entry.toRealPath();
            return real.startsWith(root)
                    ? null
                    : refuse(
                            RejectRule.OUTSIDE_SOURCE,
                            "'" + entry.getFileName() + "' links to " + real
                                    + ", outside the source folder: not followed");
        } catch (IOException e) {
            return failed(entry, e);
        }
    }

    private static LandedSource.Refusal failed(Path entry, IOException e) {
        String name = "'" + entry.getFileName() + "'";
        if (e instanceof FileSystemLoopException || isLinkLoop(e)) {
            return refuse(
                    RejectRule.LINK_LOOP,
                    name + " is a symbolic link that loops back into the folder it lies in: not followed");
        }
        if (e instanceof NoSuchFileException && Files.isSymbolicLink(entry)) {
            return refuse(
                    RejectRule.UNREADABLE_FILE,
                    name + " is a symbolic link to " + linkTarget(entry) + ", which does not exist");
        }
        if (e instanceof AccessDeniedException) {
            return refuse(RejectRule.UNREADABLE_FILE, name + " cannot be read: permission denied");
        }
        return refuse(RejectRule.UNREADABLE_FILE, name + " cannot be read: " + e);
    }

    /** ELOOP: a link to itself, or a cycle of links, which the walk's own loop check cannot see. */
    private static boolean isLinkLoop(IOException e) {
        return e instanceof FileSystemException f
                && f.getReason() != null
                && f.getReason().toLowerCase(Locale.ROOT).contains("levels of symbolic links");
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static LandedSource.Refusal refuse(RejectRule rule, String reason) {
        return new LandedSource.Refusal(rule.code(), reason);
    }

    /** The size of a plain file (not a link, not a folder), else 0: a refused link's target is never read. */
    static long sizeOf(Path entry) {
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attrs.isRegularFile() ? attrs.size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The modification time of an entry without following a link, 0 when it cannot be told. */
    static long modifiedOf(Path entry) {
        try {
            return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .lastModifiedTime()
                    .toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
