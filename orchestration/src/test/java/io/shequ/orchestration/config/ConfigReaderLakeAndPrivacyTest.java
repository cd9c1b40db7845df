package io.shequ.orchestration.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.jobs.settings.Retention;
import io.shequ.schemas.home.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration keys of the lake catalog, quarantine retention and the pseudonymization key. */
class ConfigReaderLakeAndPrivacyTest {

    @TempDir
    Path dir;

    @Test
    void withoutAKeyTheRunRefusesToStartAndSaysBothWaysToProvideOne() throws Exception {
        Path config = write("home: h\ndistricts: [\"370103\"]\n");
        assertThatThrownBy(() -> ConfigReader.read(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pseudonymization")
                .hasMessageContaining("key-env")
                .hasMessageContaining("key-file");
    }

    @Test
    void aTooShortKeyIsRefusedWithHowToMakeOne() throws Exception {
        OwnerOnly.writeString(dir.resolve("short.key"), "only-twenty-chars-xx\n");
        ShequConfig config = ConfigReader.read(write(base() + "pseudonymization:\n  key-file: short.key\n"));
        assertThatThrownBy(() -> PseudonymKeys.load(config.pseudonymKey()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 32 characters")
                .hasMessageContaining("openssl rand");
    }

    @Test
    void defaultsAreTheEmbeddedCatalogAndThirtyDaysOfQuarantine() throws Exception {
        ShequConfig config = ConfigReader.read(write(base() + "pseudonymization:\n  key-file: k.key\n"));
        assertThat(config.lakeCatalog())
                .as("null: PipelineSettings falls back to the H2 file")
                .isNull();
        assertThat(config.retention())
                .as("every raw zone, the quarantine among them, 30 days")
                .isEqualTo(new Retention(30, 30))
                .isEqualTo(Retention.defaults());
    }

    @Test
    void readsTheCatalogAndRetentionKeysAndNamesABadValue() throws Exception {
        ShequConfig config = ConfigReader.read(write(base() + "pseudonymization:\n  key-file: k.key\n"
                + "lake:\n  catalog-url: jdbc:postgresql://db/shequ_lake\n  catalog-user: lake\n"
                + "quarantine:\n  keep-days: 7\n"));
        assertThat(config.lakeCatalog().url()).isEqualTo("jdbc:postgresql://db/shequ_lake");
        assertThat(config.lakeCatalog().user()).isEqualTo("lake");
        assertThat(config.lakeCatalog().toString()).contains("password=***");
        assertThat(config.retention())
                .as("quarantine.keep-days alone still sets the quarantine's period")
                .isEqualTo(new Retention(30, 7));
        assertThat(ConfigReader.read(
                                write(base() + "pseudonymization:\n  key-file: k.key\n" + "raw:\n  keep-days: 14\n"))
                        .retention())
                .as("raw.keep-days alone: the quarantine follows it")
                .isEqualTo(new Retention(14, 14));
        assertThat(ConfigReader.read(write(base() + "pseudonymization:\n  key-file: k.key\n"
                                + "raw:\n  keep-days: 14\nquarantine:\n  keep-days: 60\n"))
                        .retention())
                .as("both: quarantine.keep-days overrides for the quarantine")
                .isEqualTo(new Retention(14, 60));
        assertThatThrownBy(() -> ConfigReader.read(
                        write(base() + "pseudonymization:\n  key-file: k.key\n" + "raw:\n  keep-days: none\n")))
                .hasMessageContaining("raw.keep-days");

        assertThatThrownBy(() -> ConfigReader.read(
                        write(base() + "pseudonymization:\n  key-file: k.key\n" + "quarantine:\n  keep-days: 0\n")))
                .hasMessageContaining("quarantine.keep-days");
        assertThatThrownBy(() -> ConfigReader.read(write(
                        base() + "pseudonymization:\n  key-file: k.key\n" + "lake:\n  catalog-url: postgres://db\n")))
                .hasMessageContaining("lake.catalog-url");
        assertThatThrownBy(
                        () -> ConfigReader.read(
                                write(
                                        base() + "pseudonymization:\n  key-file: k.key\n"
                                                + "lake:\n  catalog-url: jdbc:postgresql://db/x\n  catalog-password-env: SHEQU_NO_SUCH_VARIABLE_SET\n")))
                .hasMessageContaining("lake.catalog-password-env")
                .hasMessageContaining("SHEQU_NO_SUCH_VARIABLE_SET");
    }

    @Test
    void databasePasswordsComeFromAFileOrAnEnvironmentVariableNeverBoth() throws Exception {
        for (String file : new String[] {"ops.password", "lake.password"}) {
            Files.writeString(dir.resolve(file), file.equals("ops.password") ? "from-the-file\n" : "lake-secret\n");
            Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("rw-------"));
        }
        ShequConfig config = ConfigReader.read(write(base() + "pseudonymization:\n  key-file: k.key\n"
                + "job-repository:\n  url: jdbc:postgresql://db/shequ_ops\n  user: shequ\n  password-file: ops.password\n"
                + "lake:\n  catalog-url: jdbc:postgresql://db/shequ_lake\n  catalog-password-file: lake.password\n"));
        assertThat(config.jobRepository().password()).isEqualTo("from-the-file");
        assertThat(config.lakeCatalog().password()).isEqualTo("lake-secret");
        assertThat(config.scheduler().storePassword())
                .as("the store is the job repository")
                .isEqualTo("from-the-file");
        assertThat(config.jobRepository().toString()).doesNotContain("from-the-file");

        assertThatThrownBy(
                        () -> ConfigReader.read(
                                write(
                                        base() + "pseudonymization:\n  key-file: k.key\n"
                                                + "job-repository:\n  url: jdbc:postgresql://db/x\n  password-file: ops.password\n  password-env: HOME\n")))
                .hasMessageContaining("job-repository.password-file")
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> ConfigReader.read(write(base() + "pseudonymization:\n  key-file: k.key\n"
                        + "lake:\n  catalog-url: jdbc:postgresql://db/x\n  catalog-password-file: missing.password\n")))
                .hasMessageContaining("lake.catalog-password-file");
    }

    @Test
    void theEmbeddedJobRepositoryHasTheHomesGeneratedPassword() throws Exception {
        ShequConfig config = ConfigReader.read(write(base() + "pseudonymization:\n  key-file: k.key\n"));
        assertThat(config.jobRepository().user()).isEqualTo("sa");
        assertThat(config.jobRepository().password())
                .as("generated, never empty")
                .isEqualTo(Files.readString(dir.resolve("h/secrets/embedded-db.password"))
                        .strip())
                .isNotEmpty();
        assertThat(config.jobRepository().url())
                .startsWith("jdbc:h2:file:" + dir.resolve("h/state/jobs"))
                .contains("AUTO_SERVER=TRUE");
    }

    private static String base() {
        return "home: h\ndistricts: [\"370103\"]\n";
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("shequ.yml"), yaml);
    }
}
