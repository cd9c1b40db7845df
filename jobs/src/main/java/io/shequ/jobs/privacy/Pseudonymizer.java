package io.shequ.jobs.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a personal identifier by HMAC-SHA256 under a key that lives outside the lake and the
 * warehouse: a plain hash of an ID number can be reversed by enumerating ~4×10⁷ candidates, a
 * keyed one cannot without the key. The same identifier under the same key gives the same
 * pseudonym, so people can still be counted.
 */
public final class Pseudonymizer implements Serializable {

    private static final long serialVersionUID = 1L;
    private final byte[] key;
    /** Not serialized: each JVM the pseudonymizer reaches keys its own. */
    private transient volatile ThreadLocal<Mac> macs;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the pseudonymization key must hold at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** The pseudonym of {@code identifier} (lower-case hex), or null for null or blank input. */
    public String pseudonym(String kind, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        Mac mac = mac();
        mac.update(kind.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        // doFinal resets the Mac to its keyed initial state, ready for the next identifier
        return HexFormat.of()
                .formatHex(mac.doFinal(identifier.strip().toUpperCase().getBytes(StandardCharsets.UTF_8)));
    }

    /** One keyed Mac per thread: looking up the provider and keying it anew for every row costs more than the hash. */
    private Mac mac() {
        if (macs == null) {
            macs = ThreadLocal.withInitial(this::keyedMac);
        }
        return macs.get();
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymizer[key=***]";
    }
}
