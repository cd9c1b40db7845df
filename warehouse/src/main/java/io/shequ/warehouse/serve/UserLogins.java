package io.shequ.warehouse.serve;

import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a basic login against the users file. A refusal is logged with the user name and never
 * the password; an unknown user costs a hash check too, so timing does not tell names apart.
 */
final class UserLogins implements BasicCallHeaderAuthenticator.CredentialValidator {

    private static final Logger LOG = LoggerFactory.getLogger(UserLogins.class);
    /** Compared against when the user is unknown. */
    private static final String DECOY = PasswordHashes.hash("decoy-password".toCharArray());

    private final ServeUsers users;

    UserLogins(ServeUsers users) {
        this.users = users;
    }

    @Override
    public CallHeaderAuthenticator.AuthResult validate(String name, String password) {
        ServeUser user = users.find(name).orElse(null);
        boolean matches = PasswordHashes.matches(password == null ? "" : password, user == null ? DECOY : user.passwordHash());
        if (user == null || !matches) {
            LOG.warn("login refused: user '{}' {}", printable(name), user == null ? "unknown" : "wrong password");
            throw CallStatus.UNAUTHENTICATED.withDescription("wrong user name or password").toRuntimeException();
        }
        LOG.info("login: user '{}' ({})", name, user.role());
        return () -> name;
    }

    Role roleOf(String name) {
        return users.find(name).map(ServeUser::role)
                .orElseThrow(() -> CallStatus.UNAUTHENTICATED.withDescription("unknown user").toRuntimeException());
    }

    private static String printable(String name) {
        String clipped = name == null ? "" : name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return clipped.replaceAll("\\p{Cntrl}", "?");
    }
}
