package io.shequ.warehouse.serve;

import java.util.regex.Pattern;

/**
 * One login of the Flight SQL server.
 *
 * @param name the user name, letters, digits, {@code . _ -}
 * @param role what the user may read
 * @param passwordHash the Argon2id hash of the password, in its standard encoding
 */
public record ServeUser(String name, Role role, String passwordHash) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ServeUser {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1-64 letters, digits, '.', '_' or '-': " + name);
        }
    }
}
