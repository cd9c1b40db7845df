package io.shequ.orchestration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve user add} and the server's refusals to start, through the command line. */
class ServeCommandTest {

    @TempDir
    Path home;

    @Test
    void userAddStoresAnArgon2HashAndTheRoleNeverThePassword() throws Exception {
        assertThat(addUser("ana", "analyst", "statistics-2023")).as("exit code").isZero();
        Path users = home.resolve("secrets").resolve("serve-users");
        String text = Files.readString(users);
        assertThat(text).as("the users file").contains("ana:analyst:$argon2id$").doesNotContain("statistics-2023");
        assertThat(Files.getPosixFilePermissions(users))
                .as("owner-only")
                .allMatch(p -> p.name().startsWith("OWNER"));
        assertThat(addUser("bob", "admin", "whatever-pass"))
                .as("an unknown role")
                .isEqualTo(2);
    }

    @Test
    void userListShowsNamesAndRolesAndRemoveTakesOneOut() throws Exception {
        addUser("ana", "analyst", "statistics-2023");
        addUser("eng", "engineer", "pipeline-2023");
        assertThat(captured(() -> ShequMain.execute("serve", "user", "list", "--home", home.toString())))
                .as("both users with their roles, no hash")
                .contains("ana\tanalyst", "eng\tengineer")
                .doesNotContain("argon2");

        assertThat(ShequMain.execute("serve", "user", "remove", "ana", "--home", home.toString()))
                .as("remove")
                .isZero();
        assertThat(captured(() -> ShequMain.execute("serve", "user", "list", "--home", home.toString())))
                .as("ana is gone, eng stays")
                .doesNotContain("ana")
                .contains("eng\tengineer");
        assertThat(Files.readString(home.resolve("secrets").resolve("serve-users")))
                .as("the file")
                .doesNotContain("ana:")
                .contains("eng:engineer:$argon2id$");
        assertThat(ShequMain.execute("serve", "user", "remove", "ana", "--home", home.toString()))
                .as("removing an unknown user fails")
                .isEqualTo(1);
    }

    private static String captured(IntSupplier command) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(command.getAsInt()).as("exit code").isZero();
        } finally {
            System.setOut(stdout);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theServerRefusesToStartWithoutUsersOrWithoutTls() throws Exception {
        assertThat(ShequMain.execute("serve", "--home", home.toString(), "--port", "0", "--insecure-plaintext"))
                .as("an empty users file")
                .isEqualTo(2);
        addUser("ana", "analyst", "statistics-2023");
        assertThat(ShequMain.execute("serve", "--home", home.toString(), "--port", "0"))
                .as("no certificate and no --insecure-plaintext")
                .isEqualTo(2);
    }

    private int addUser(String name, String role, String password) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            return ShequMain.execute("serve", "user", "add", name, "--role", role, "--home", home.toString());
        } finally {
            System.setIn(stdin);
        }
    }
}
