package io.shequ.orchestration.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.jobs.source.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One read of shequ.yml gives every section; a section left out gets its defaults. */
class ConfigSectionsTest {

    private static final String BASE = "home: h\ndistricts: [\"370103\"]\npseudonymization:\n  key-file: k.key\n";

    @TempDir
    Path dir;

    @Test
    void everySectionComesFromTheOneRead() throws Exception {
        Files.createDirectories(dir.resolve("offices"));
        ShequConfig config = ConfigReader.read(write(BASE + """
                sources:
                  street-offices: offices
                  tolerate-unreadable-files: true
                spark:
                  shuffle-partitions: 8
                warehouse:
                  keep-snapshots: 3
                  max-row-drop: 0.2
                quarantine:
                  admit-folder: corrections
                freshness:
                  procurement: {due: P2M, from: 2023}
                metrics:
                  registry: none
                scheduler:
                  threads: 3
                """));
        assertThat(config.sources().streetOffices()).isEqualTo(dir.resolve("offices"));
        assertThat(config.sources().grid()).as("not configured").isNull();
        assertThat(config.sources().tolerateUnreadableFiles()).isTrue();
        assertThat(config.spark().shufflePartitions()).isEqualTo(8);
        assertThat(config.warehouse().keepSnapshots()).isEqualTo(3);
        assertThat(config.warehouse().maxRowDrop()).isEqualTo(0.2);
        assertThat(config.admit().folder()).as("relative to the file").isEqualTo(dir.resolve("corrections"));
        assertThat(config.freshness().of(Source.PROCUREMENT.id()).due()).isEqualTo(Period.ofMonths(2));
        assertThat(config.freshness().of(Source.PROCUREMENT.id()).from()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(config.metrics().registry()).isEqualTo(MetricsSettings.NONE);
        assertThat(config.scheduler().threads()).isEqualTo(3);
        assertThat(config.scheduler().storeUrl())
                .as("the job repository is the scheduler's store by default")
                .isEqualTo(config.jobRepository().url());
    }

    @Test
    void sectionsLeftOutGetTheirDefaults() throws Exception {
        ShequConfig config = ConfigReader.read(write(BASE));
        assertThat(config.admit().folder()).isEqualTo(dir.resolve("h/admit"));
        assertThat(config.freshness().of(Source.GRID_SYSTEM.id()).due()).isEqualTo(Source.GRID_SYSTEM.defaultDue());
        assertThat(config.metrics()).isEqualTo(MetricsSettings.defaults());
        assertThat(config.warehouse().keepSnapshots()).isEqualTo(5);
        assertThat(config.reference().nbsDivisions()).as("the bundled list").isNull();
    }

    @Test
    void aBadValueInAnySectionNamesItsKey() throws Exception {
        assertThatThrownBy(() -> ConfigReader.read(write(BASE + "quarantine:\n  admit-folder: 3\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quarantine.admit-folder");
        assertThatThrownBy(() -> ConfigReader.read(write(BASE + "freshness:\n  grid-system: {due: soon}\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("freshness.grid-system.due");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("shequ.yml"), yaml);
    }
}
