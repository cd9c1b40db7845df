package io.shequ.warehouse.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a basic login against the users file. A refusal is logged with the user name and never
 * the password; an unknown user costs a hash check too, so timing does not tell names apart.
 *
 * <p>The file is read again when it changes, so {@code serve user add} and {@code serve user remove}
 * take effect on a running server: a removed user's next login and next query are refused. A file
 * that no longer parses keeps the users read before, with an error in the log.
 */
final class UserLogins implements BasicCallHeaderAuthenticator.CredentialValidator {

    private static final Logger LOG = LoggerFactory.getLogger(UserLogins.class);
    /** Compared against when the user is unknown. */
    private static final String DECOY = PasswordHashes.hash("decoy-password".toCharArray());

    private final Path file;
    private ServeUsers users;
    private List<Object> readAt;

    UserLogins(Path file, ServeUsers users) {
        this.file = file;
        this.users = users;
        this.readAt = modified(file);
    }

    /** The users as the file says now. */
    synchronized ServeUsers users() {
        List<Object> now = modified(file);
        if (!Objects.equals(now, readAt)) {
            try {
                users = ServeUsers.read(file);
                LOG.info("users file {} read again: {} users", file, users.size());
            } catch (IOException | IllegalArgumentException e) {
                LOG.error(
                        "users file {} unreadable, keeping the {} users read before: {}",
                        file,
                        users.size(),
                        e.getMessage());
            }
            readAt = now;
        }
        return users;
    }

    /** The file's time and size: what tells a rewritten file (two writes in one clock tick differ in size). */
    private static List<Object> modified(Path file) {
        try {
            return List.of(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public CallHeaderAuthenticator.AuthResult validate(String name, String password) {
        ServeUser user = users().find(name).orElse(null);
        boolean matches =
                PasswordHashes.matches(password == null ? "" : password, user == null ? DECOY : user.passwordHash());
        if (user == null || !matches) {
            LOG.warn("login refused: user '{}' {}", printable(name), user == null ? "unknown" : "wrong password");
            throw CallStatus.UNAUTHENTICATED
                    .withDescription("wrong user name or password")
                    .toRuntimeException();
        }
        LOG.info("login: user '{}' ({})", name, user.role());
        return () -> name;
    }

    Role roleOf(String name) {
        return users().find(name)
                .map(ServeUser::role)
                .orElseThrow(() -> CallStatus.UNAUTHENTICATED
                        .withDescription("unknown user")
                        .toRuntimeException());
    }

    private static String printable(String name) {
        String clipped = name == null ? "" : name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return clipped.replaceAll("\\p{Cntrl}", "?");
    }
}
