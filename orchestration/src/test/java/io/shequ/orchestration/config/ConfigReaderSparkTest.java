package io.shequ.orchestration.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spark.master} and {@code spark.conf}: a cluster's settings read as written, a bad key named. */
class ConfigReaderSparkTest {

    private static final String BASE = "home: h\ndistricts: [\"370103\"]\npseudonymization:\n  key-file: k.key\n";

    @TempDir
    Path dir;

    @Test
    void readsTheMasterAndEverySparkSettingAsWritten() throws Exception {
        ShequConfig config = ConfigReader.read(write(BASE + """
                spark:
                  master: "spark://spark-master.internal:7077"
                  conf:
                    spark.executor.memory: 8g
                    spark.executor.cores: 4
                    spark.authenticate: true
                    spark.hadoop.fs.s3a.path.style.access: "true"
                """));
        assertThat(config.spark().master()).isEqualTo("spark://spark-master.internal:7077");
        assertThat(config.spark().conf())
                .as("in order, values as text")
                .containsExactly(
                        entry("spark.executor.memory", "8g"),
                        entry("spark.executor.cores", "4"),
                        entry("spark.authenticate", "true"),
                        entry("spark.hadoop.fs.s3a.path.style.access", "true"));
        assertThat(ConfigReader.read(write(BASE)).spark().conf())
                .as("no spark.conf: nothing more")
                .isEmpty();
    }

    @Test
    void withoutAMasterTheOneSparkSubmitPassesIsUsed() throws Exception {
        String before = System.getProperty("spark.master");
        try {
            System.clearProperty("spark.master");
            assertThat(ConfigReader.read(write(BASE)).spark().master()).isEqualTo("local[*]");
            System.setProperty("spark.master", "yarn");
            assertThat(ConfigReader.read(write(BASE)).spark().master()).isEqualTo("yarn");
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
    }

    @Test
    void aKeyThatIsNoSparkSettingOrHasAKeyOfItsOwnIsRefusedByName() throws Exception {
        assertThatThrownBy(() -> ConfigReader.read(write(BASE + "spark:\n  conf:\n    executor.memory: 8g\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("spark.conf.executor.memory");
        assertThatThrownBy(() -> ConfigReader.read(write(BASE + "spark:\n  conf:\n    spark.master: yarn\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("spark.conf.spark.master");
        assertThatThrownBy(() -> ConfigReader.read(
                        write(BASE + "spark:\n  conf:\n    spark.sql.catalog.shequ.uri: jdbc:h2:x\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("lake.catalog-url");
        assertThatThrownBy(() -> ConfigReader.read(write(BASE + "spark:\n  conf:\n    spark.jars: [a, b]\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("spark.conf.spark.jars");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("shequ.yml"), yaml);
    }
}
