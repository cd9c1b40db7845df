package io.shequ.jobs.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of user {@code sa} of a home's embedded H2 databases (job repository and lake
 * catalog), in {@code <home>/secrets/embedded-db.password}: 32 random bytes, base64url, generated
 * on first use, owner-only (file 0600, folder 0700). Never logged, never in the lake or warehouse.
 *
 * <p>The file appears whole or not at all: it is written and synced under a temporary name, then
 * linked to its name, which fails if another process got there first (its password wins).
 */
public final class EmbeddedDbPassword {

    private EmbeddedDbPassword() {}

    /** The password in {@code file}, generated there first if the file does not exist. */
    public static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException("the embedded databases' password file " + file + " is empty;"
                        + " restore it from a backup of the home (a new password would not open the databases)");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the embedded databases' password file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path folder = Files.createDirectories(file.getParent());
        boolean posix = Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class);
        if (posix) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path partial = posix
                ? Files.createTempFile(
                        folder,
                        ".embedded-db.password.",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, ".embedded-db.password.", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.US_ASCII.encode(password + "\n"));
                channel.force(true);
            }
            try {
                try {
                    Files.createLink(file, partial);
                } catch (UnsupportedOperationException noHardLinks) {
                    Files.move(partial, file);
                }
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // its password is the one the databases get
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
