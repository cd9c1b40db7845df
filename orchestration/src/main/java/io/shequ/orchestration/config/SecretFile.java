package io.shequ.orchestration.config;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A key or password file the configuration names. Like ssh with a private key, Shequ refuses
 * one its group or others have any access to: the secret may already have been read, and a run
 * must not go on as if it had not (exit 2, with the command that fixes it).
 */
final class SecretFile {

    private SecretFile() {}

    /**
     * @throws ConfigException naming {@code key}, the file and {@code chmod 600} if the file is open
     *     to its group or others
     * @throws IOException if the file cannot be read
     */
    static void requireOwnerOnly(Path file, String key) throws IOException {
        if (!OwnerOnly.isOwnerOnly(file)) {
            throw new ConfigException(
                    key,
                    "a file only its owner can read, but " + file + " is open to its group or others ("
                            + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + "); run: chmod 600 "
                            + file);
        }
    }
}
