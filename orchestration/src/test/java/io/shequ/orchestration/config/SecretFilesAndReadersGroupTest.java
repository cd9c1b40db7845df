package io.shequ.orchestration.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.orchestration.cli.ShequMain;
import io.shequ.schemas.home.OwnerOnly;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key or password file its group or others could read is refused as ssh refuses such a key:
 * exit 2, naming the file and the chmod that fixes it. {@code warehouse.readers-group} must name
 * a group of this host.
 */
class SecretFilesAndReadersGroupTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef\n";

    @TempDir
    Path dir;

    @Test
    void aPseudonymKeyOthersCanReadIsRefusedWithExitTwo() throws Exception {
        Path key = OwnerOnly.writeString(dir.resolve("pseudonym.key"), KEY);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Path config = config("pseudonymization:\n  key-file: pseudonym.key\n");

        Cli run = Cli.run("run", "--config", config.toString());

        assertThat(run.exitCode()).as("bad configuration").isEqualTo(2);
        assertThat(run.err())
                .contains("pseudonymization.key-file")
                .contains(key.toString())
                .contains("chmod 600 " + key)
                .contains("rw-r--r--");
    }

    @Test
    void aGridPasswordFileTheGroupCanReadIsRefusedWithExitTwo() throws Exception {
        OwnerOnly.writeString(dir.resolve("pseudonym.key"), KEY);
        Path password = OwnerOnly.writeString(dir.resolve("grid-password"), "secret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r-----"));
        Path config = config("""
                sources:
                  grid-system:
                    url: "jdbc:h2:mem:grid"
                    user: sa
                    password-file: grid-password
                pseudonymization:
                  key-file: pseudonym.key
                """);

        Cli run = Cli.run("run", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sources.grid-system.password-file").contains("chmod 600 " + password);
    }

    @Test
    void ownerOnlySecretsAreRead() throws Exception {
        OwnerOnly.writeString(dir.resolve("pseudonym.key"), KEY);
        OwnerOnly.writeString(dir.resolve("grid-password"), "secret\n");
        ShequConfig config = ConfigReader.read(config("""
                sources:
                  grid-system:
                    url: "jdbc:h2:mem:grid"
                    password-file: grid-password
                pseudonymization:
                  key-file: pseudonym.key
                """));

        assertThat(config.sources().grid().password()).isEqualTo("secret");
        assertThat(PseudonymKeys.load(config.pseudonymKey()))
                .hasSize(KEY.strip().length());
    }

    @Test
    void theReadersGroupMustBeAGroupOfThisHost() throws Exception {
        String group = Files.readAttributes(
                        OwnerOnly.createFile(dir.resolve("probe")),
                        PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS)
                .group()
                .getName();

        ShequConfig config = ConfigReader.read(
                config("pseudonymization:\n  key-env: SHEQU_KEY\n" + "warehouse:\n  readers-group: " + group + "\n"));
        assertThat(config.warehouse().readers().groupName()).contains(group);
        assertThat(ConfigReader.read(config("pseudonymization:\n  key-env: SHEQU_KEY\n"))
                        .warehouse()
                        .readers()
                        .groupName())
                .as("owner only by default")
                .isEmpty();

        assertThatThrownBy(() -> ConfigReader.read(config("pseudonymization:\n  key-env: SHEQU_KEY\n"
                        + "warehouse:\n  readers-group: shequ-no-such-group-42\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("warehouse.readers-group")
                .hasMessageContaining("shequ-no-such-group-42");
    }

    private Path config(String tail) throws Exception {
        return Files.writeString(dir.resolve("shequ.yml"), "home: h\ndistricts: [\"370103\"]\n" + tail);
    }

    /** A command line run with what it printed to standard error. */
    private record Cli(int exitCode, String err) {

        static Cli run(String... args) {
            PrintStream original = System.err;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
                int code = ShequMain.execute(args);
                return new Cli(code, bytes.toString(StandardCharsets.UTF_8));
            } finally {
                System.setErr(original);
            }
        }
    }
}
