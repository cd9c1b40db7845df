package io.shequ.warehouse.serve;

import java.nio.CharBuffer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id password hashes, through Spring Security's encoder (its current recommended parameters). */
final class PasswordHashes {

    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    private PasswordHashes() {}

    static String hash(char[] password) {
        return ENCODER.encode(CharBuffer.wrap(password));
    }

    static boolean matches(String password, String hash) {
        return ENCODER.matches(password, hash);
    }
}
