package io.shequ.warehouse;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read the published snapshots besides their owner ({@code warehouse.readers-group}):
 * nobody, or the members of one group of this host (BI users on the same machine).
 *
 * <p>With a group, a published snapshot file becomes that group's with {@code rw-r-----}, and the
 * folders on the path to it from the home ({@code <home>}, {@code warehouse/},
 * {@code warehouse/snapshots/}) that group's with {@code rwxr-x---}. Nothing else under the home
 * is granted: every other area stays owner-only, so a reader lists those folders but enters none.
 */
public final class SnapshotReaders {

    /** No one but the owner: the default. */
    public static final SnapshotReaders OWNER_ONLY = new SnapshotReaders(null);

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-x---");

    private final GroupPrincipal group;

    private SnapshotReaders(GroupPrincipal group) {
        this.group = group;
    }

    /**
     * The members of group {@code name} of this host.
     *
     * @throws IllegalArgumentException if the host has no such group, or no POSIX permissions
     */
    public static SnapshotReaders group(String name) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            throw new IllegalArgumentException(
                    "this file system has no POSIX groups to grant '" + name + "' read access by");
        }
        try {
            return new SnapshotReaders(
                    FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(name));
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalArgumentException("this host has no group '" + name + "'", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("looking up the group '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The group's name, or empty when only the owner reads. */
    public Optional<String> groupName() {
        return Optional.ofNullable(group).map(GroupPrincipal::getName);
    }

    /**
     * Grants the group read access to {@code snapshot} and the folders from {@code home} down to it;
     * nothing without a group.
     */
    void grant(Path home, Path snapshot) throws IOException {
        if (group == null) {
            return;
        }
        Path root = home.toAbsolutePath().normalize();
        Path file = snapshot.toAbsolutePath().normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException(file + " is not under the home " + root);
        }
        share(file, FILE);
        for (Path folder = file.getParent(); folder.startsWith(root); folder = folder.getParent()) {
            share(folder, FOLDER);
            if (folder.equals(root)) {
                break;
            }
        }
    }

    private void share(Path path, Set<PosixFilePermission> mode) throws IOException {
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setGroup(group);
        Files.setPosixFilePermissions(path, mode);
    }

    @Override
    public String toString() {
        return groupName().map(g -> "group " + g).orElse("owner only");
    }
}
