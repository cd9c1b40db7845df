package io.shequ.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.engine.SysProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedH2Test {

    @TempDir
    Path home;

    private HomeLayout layout() {
        return new HomeLayout(home);
    }

    @Test
    void thePasswordIsGeneratedOnceRandomAndOwnerOnly(@TempDir Path otherHome) throws Exception {
        String password = EmbeddedH2.password(layout());

        assertThat(password).as("32 random bytes, base64url").matches("[A-Za-z0-9_-]{43}");
        assertThat(EmbeddedH2.password(layout()))
                .as("read back, not generated again")
                .isEqualTo(password);
        assertThat(EmbeddedH2.password(new HomeLayout(otherHome)))
                .as("each home its own")
                .isNotEqualTo(password);
        Path file = layout().embeddedDbPassword();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (Stream<Path> secrets = Files.list(file.getParent())) {
            assertThat(secrets).as("no partial file left").containsExactly(file);
        }
    }

    @Test
    void aDatabaseOfAnOlderHomeGetsThePasswordOnceAndRefusesTheEmptyOneAfter() throws Exception {
        Path file = layout().jobRepository();
        String url = EmbeddedH2.url(file, ";AUTO_SERVER=TRUE");
        try (Connection legacy = DriverManager.getConnection(url, EmbeddedH2.USER, "")) {
            legacy.createStatement().execute("CREATE TABLE kept (x INT)");
        }
        String password = EmbeddedH2.password(layout());

        EmbeddedH2.requirePassword(url, file, password);

        try (Connection c = DriverManager.getConnection(url, EmbeddedH2.USER, password)) {
            assertThat(c.createStatement()
                            .executeQuery("SELECT count(*) FROM kept")
                            .next())
                    .as("same database")
                    .isTrue();
        }
        assertThatThrownBy(() ->
                        DriverManager.getConnection(url, EmbeddedH2.USER, "").close())
                .as("user sa with an empty password")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        // a second process (another URL, so nothing cached) finds the password in force and changes nothing
        String again = EmbeddedH2.url(file, ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        EmbeddedH2.requirePassword(again, file, password);
        DriverManager.getConnection(again, EmbeddedH2.USER, password).close();
    }

    @Test
    void aDatabaseTakingNeitherPasswordIsRefusedNamingTheFileToRestore() throws Exception {
        Path file = layout().icebergCatalog();
        String url = EmbeddedH2.url(file, "");
        DriverManager.getConnection(url, EmbeddedH2.USER, "a-lost-password").close();

        assertThatThrownBy(() -> EmbeddedH2.requirePassword(url, file, EmbeddedH2.password(layout())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("embedded-db.password")
                .hasMessageContaining("restore");
    }

    @Test
    void aDatabaseNotYetCreatedIsLeftToBeCreatedWithThePassword() {
        Path file = layout().jobRepository();

        EmbeddedH2.requirePassword(EmbeddedH2.url(file, ""), file, "whatever");

        assertThat(Path.of(file + ".mv.db")).as("nothing created").doesNotExist();
    }

    @Test
    void theAutoServerListensOnLoopbackAndItsLockFileSaysSo() throws Exception {
        assertThat(SysProperties.BIND_ADDRESS).isEqualTo(EmbeddedH2.LOOPBACK);
        Path file = layout().jobRepository();
        String password = EmbeddedH2.password(layout());
        try (Connection owner =
                DriverManager.getConnection(EmbeddedH2.url(file, ";AUTO_SERVER=TRUE"), EmbeddedH2.USER, password)) {
            Properties lock = new Properties();
            try (var in = Files.newInputStream(Path.of(file + ".lock.db"))) {
                lock.load(in);
            }
            assertThat(lock.getProperty("server"))
                    .as("the address a second process is sent to")
                    .matches("(localhost|127\\.0\\.0\\.1):\\d+");
            int port = Integer.parseInt(lock.getProperty("server").replaceAll(".*:", ""));
            assertThat(listeningAddresses(port))
                    .as("where the AUTO_SERVER port %d listens (/proc/net/tcp, tcp6)", port)
                    .isNotEmpty()
                    .allMatch(LOOPBACK_IN_PROC::contains);
        }
    }

    /** 127.0.0.1, ::ffff:127.0.0.1 and ::1 as /proc/net/tcp{,6} write them. */
    private static final Set<String> LOOPBACK_IN_PROC =
            Set.of("0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000");

    /** The local addresses (as /proc writes them) of the sockets listening on {@code port}. */
    private static List<String> listeningAddresses(int port) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if ("0A".equals(f[3]) && local.length == 2 && local[1].equalsIgnoreCase(String.format("%04X", port))) {
                    addresses.add(local[0].toUpperCase(Locale.ROOT));
                }
            }
        }
        return addresses;
    }
}
