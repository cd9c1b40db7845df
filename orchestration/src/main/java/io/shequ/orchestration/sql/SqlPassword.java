package io.shequ.orchestration.sql;

import io.shequ.schemas.home.OwnerOnly;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code ./shequ sql --url} gets the password: an environment variable, an owner-only file
 * (refused if its group or others may read it, as ssh refuses such a key), or the terminal. Never
 * the command line, where {@code ps} shows it to everyone on the machine.
 */
public final class SqlPassword {

    private SqlPassword() {}

    /**
     * @throws IllegalArgumentException if the variable is unset, the file open to others or
     *     unreadable, or there is no terminal to ask on
     */
    public static char[] read(String user, String env, Path file) throws IOException {
        if (env != null) {
            String value = System.getenv(env);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("the environment variable " + env + " holds no password");
            }
            return value.toCharArray();
        }
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read the password file " + file);
            }
            if (!OwnerOnly.isOwnerOnly(file)) {
                throw new IllegalArgumentException(
                        "the password file " + file + " is open to its group or others;" + " run: chmod 600 " + file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException(
                    "no terminal to ask the password on: use --password-env VAR or --password-file FILE");
        }
        char[] password = console.readPassword("password for %s: ", user);
        if (password == null) {
            throw new IllegalArgumentException("no password given");
        }
        return password;
    }
}
