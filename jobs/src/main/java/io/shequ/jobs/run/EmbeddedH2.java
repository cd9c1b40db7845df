package io.shequ.jobs.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.api.ErrorCode;
import org.h2.engine.SysProperties;

/**
 * The embedded H2 databases of a home (job repository {@code state/jobs}, lake catalog
 * {@code state/iceberg}): their URLs and their login, user {@code sa} with the home's
 * {@link EmbeddedDbPassword}.
 *
 * <p>With AUTO_SERVER, the process that opens such a file first starts a TCP server so that a
 * second process ({@code shequ runs}, {@code status}, a scheduler) can open it too, and writes
 * its address and key into the world-readable {@code <file>.lock.db}. H2's system property
 * {@code h2.bindAddress} binds that server (and makes the lock file advertise) loopback only; the
 * password keeps out local users who can read the lock file but not the home's secrets. H2 reads the
 * property once, when its classes load, so it is set when this class loads and by the command
 * line's {@code main} before anything else; {@link #url} refuses to hand out a URL if H2 loaded first.
 */
public final class EmbeddedH2 {

    public static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    public static final String LOOPBACK = "127.0.0.1";
    public static final String USER = "sa";

    private static final Set<String> SECURED = ConcurrentHashMap.newKeySet();

    static {
        loopbackOnly();
    }

    private EmbeddedH2() {}

    /** Binds every TCP server H2 starts in this JVM to loopback; call before any H2 class loads. */
    public static void loopbackOnly() {
        System.setProperty(BIND_ADDRESS_PROPERTY, LOOPBACK);
    }

    /** The password of {@code layout}'s embedded databases (created on first use). */
    public static String password(HomeLayout layout) {
        return EmbeddedDbPassword.readOrCreate(layout.embeddedDbPassword());
    }

    /**
     * The URL of the embedded database in {@code file} (no {@code .mv.db}) with H2 settings
     * {@code settings} (each starting with {@code ;}).
     *
     * @throws IllegalStateException if H2 loaded before its servers could be bound to loopback
     */
    public static String url(Path file, String settings) {
        String bound = SysProperties.BIND_ADDRESS;
        if (!LOOPBACK.equals(bound)) {
            throw new IllegalStateException("H2 loaded before Shequ bound its servers to loopback (h2.bindAddress is "
                    + bound + "); start the JVM with -D" + BIND_ADDRESS_PROPERTY + "=" + LOOPBACK);
        }
        return "jdbc:h2:file:" + file.toAbsolutePath().normalize() + settings + EmbeddedDatabase.TRACE_TO_LOG;
    }

    /**
     * Makes sure the existing database at {@code url} takes {@code password} for {@link #USER}.
     * A home from before the password had an empty one: it is set once, here. Idempotent and safe
     * to interrupt anywhere: the password file is written before any database changes, so a
     * restart finds either the new password in force or the empty one, and sets it.
     *
     * @throws IllegalStateException if the database takes neither (its password file was lost or replaced)
     */
    public static void requirePassword(String url, Path file, String password) {
        if (SECURED.contains(url) || !Files.exists(Path.of(file.toAbsolutePath().normalize() + ".mv.db"))) {
            return;
        }
        String existing = url + ";IFEXISTS=TRUE";
        try (Connection ignored = DriverManager.getConnection(existing, USER, password)) {
            SECURED.add(url);
            return;
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new IllegalStateException("opening the embedded database " + file + ": " + e.getMessage(), e);
            }
        }
        try (Connection legacy = DriverManager.getConnection(existing, USER, "");
                Statement alter = legacy.createStatement()) {
            alter.execute("ALTER USER " + USER + " SET PASSWORD '" + password.replace("'", "''") + "'");
            SECURED.add(url);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new IllegalStateException(
                        "the embedded database " + file + " takes neither the password in "
                                + "secrets/embedded-db.password nor the empty one of older homes: restore that file from a"
                                + " backup of the home",
                        e);
            }
            throw new IllegalStateException(
                    "setting the password of the embedded database " + file + ": " + e.getMessage(), e);
        }
    }
}
