package io.shequ.orchestration.config;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Loads the pseudonymization key from where the configuration says, refusing to start without
 * one, and creates a random owner-only key file for the demo.
 */
public final class PseudonymKeys {

    private PseudonymKeys() {}

    public static byte[] load(ShequConfig.KeySource source) {
        String text = source.env() != null
                ? ConfigReader.env(source.env(), "pseudonymization.key-env")
                : ConfigReader.readSecret(source.file(), "pseudonymization.key-file");
        byte[] key = text.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new ConfigException(
                    "pseudonymization",
                    "a key of at least 32 characters (e.g. 64 hex digits from " + "`openssl rand -hex 32`), got "
                            + key.length);
        }
        return key;
    }

    /** Writes a new random key (64 hex digits) readable by its owner only, unless the file exists. */
    public static void createIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        OwnerOnly.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        OwnerOnly.writeString(file, HexFormat.of().formatHex(random) + "\n");
    }
}
