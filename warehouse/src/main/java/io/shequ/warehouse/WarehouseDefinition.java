package io.shequ.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a warehouse is built by, as one SHA-256: every shipped model, DDL and query file (name and
 * text). Two snapshots built from the same lake snapshots by the same definition hold the same
 * tables, so a publish that finds both equal to the current snapshot's keeps it.
 */
final class WarehouseDefinition {

    private static final String FINGERPRINT = compute();

    private WarehouseDefinition() {}

    static String fingerprint() {
        return FINGERPRINT;
    }

    private static String compute() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        for (String folder : new String[] {"models", "queries"}) {
            for (String file : ClasspathText.files(folder)) {
                sha.update(file.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(ClasspathText.read(file).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
