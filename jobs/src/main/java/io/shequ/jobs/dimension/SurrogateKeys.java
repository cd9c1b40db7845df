package io.shequ.jobs.dimension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Surrogate keys of dimension versions: a positive BIGINT derived from the dimension's name, the
 * member's natural key and the day or instant its version starts. The same version gets the same
 * key in every run and on every machine, so two runs on the same sources write identical tables
 * and a rebuilt dimension never orphans the facts that point at it.
 */
public final class SurrogateKeys {

    private SurrogateKeys() {}

    /**
     * The key of the version of {@code naturalKey} in {@code dimension} that starts at
     * {@code validFrom} (null: open at the start, as first versions and inferred members are).
     */
    public static long of(String dimension, String naturalKey, Object validFrom) {
        String text = dimension + '\u0000' + naturalKey + '\u0000' + (validFrom == null ? "" : validFrom.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
