package io.shequ.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.settings.ReferenceSettings;
import io.shequ.jobs.settings.SourceSettings;
import io.shequ.jobs.settings.SparkSettings;
import io.shequ.schemas.division.DivisionCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input that bears on what a file source stages to changes its fingerprint; nothing else does. */
class SourceFingerprintTest {

    private static final String SOURCE = "street_office_reports";

    @TempDir
    Path dir;

    private Path home;
    private Path folder;
    private Path admit;

    @BeforeEach
    void sample() throws IOException {
        home = dir.resolve("home");
        folder = dir.resolve("reports");
        admit = home.resolve("admit");
        write(folder.resolve("东城街道/东城街道_2023年01月.csv"), "社区名称,户数\n乐山社区,12\n");
        write(folder.resolve("东城街道/东城街道_2023年02月.csv"), "社区名称,户数\n乐山社区,13\n");
        write(folder.resolve("东城街道/~$锁.xlsx"), "lock");
    }

    @Test
    void theSameInputsGiveTheSameFingerprintAcrossLandings() throws IOException {
        String first = fingerprint(settings(new byte[32], false));
        String second = fingerprint(settings(new byte[32], false));
        assertThat(second)
                .as("landed again (a refused entry's landing clock moves on): the same inputs")
                .isEqualTo(first)
                .hasSize(64);
    }

    @Test
    void aChangedFileTimeContentOrEntryChangesIt() throws IOException {
        String before = fingerprint(settings(new byte[32], false));
        Path january = folder.resolve("东城街道/东城街道_2023年01月.csv");

        Files.setLastModifiedTime(
                january, FileTime.fromMillis(Files.getLastModifiedTime(january).toMillis() + 60_000));
        String touched = fingerprint(settings(new byte[32], false));
        assertThat(touched).as("a resubmission is ordered by its time").isNotEqualTo(before);

        write(january, "社区名称,户数\n乐山社区,14\n");
        String edited = fingerprint(settings(new byte[32], false));
        assertThat(edited).isNotEqualTo(touched).isNotEqualTo(before);

        write(folder.resolve("东城街道/东城街道_2023年03月.csv"), "社区名称,户数\n乐山社区,15\n");
        assertThat(fingerprint(settings(new byte[32], false))).isNotEqualTo(edited);
    }

    @Test
    void homeReferenceDataCorrectionsSettingsAndKeyChangeIt() throws IOException {
        PipelineSettings plain = settings(new byte[32], false);
        String before = fingerprint(plain);

        Map<Path, String> edits = Map.of(
                home.resolve("contracts/street-office-report.yml"), "fields: []\n",
                home.resolve("taxonomies/service-categories.yml"), "values: []\n",
                home.resolve("reference/division-aliases.csv"), "alias,code\n",
                admit.resolve("corrected.csv"), "location,line\n",
                home.resolve("state/admissions/ab.json"), "{}\n");
        for (Map.Entry<Path, String> edit : edits.entrySet()) {
            write(edit.getKey(), edit.getValue());
            assertThat(fingerprint(plain)).as("after writing %s", edit.getKey()).isNotEqualTo(before);
            Files.delete(edit.getKey());
            assertThat(fingerprint(plain))
                    .as("after removing %s again", edit.getKey())
                    .isEqualTo(before);
        }

        assertThat(fingerprint(settings(new byte[32], true)))
                .as("tolerating unreadable files changes the exit code a read gives")
                .isNotEqualTo(before);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(fingerprint(settings(otherKey, false)))
                .as("another pseudonymization key")
                .isNotEqualTo(before);

        Path rules = dir.resolve("rules");
        write(rules.resolve("staged/community_reports.error.dqdl"), "Rules = [ RowCount > 0 ]\n");
        PipelineSettings withRules = new PipelineSettings(
                home,
                plain.districts(),
                plain.sources(),
                plain.spark(),
                plain.pseudonymKey(),
                new ReferenceSettings(null, rules),
                null,
                null);
        String ruled = fingerprint(withRules);
        assertThat(ruled).isNotEqualTo(before);
        write(rules.resolve("staged/community_reports.error.dqdl"), "Rules = [ RowCount > 1 ]\n");
        assertThat(fingerprint(withRules)).as("an edited rule file").isNotEqualTo(ruled);
    }

    private String fingerprint(PipelineSettings settings) throws IOException {
        List<LandedSource> landed = new FileLanding(new HomeLayout(home)).land(SOURCE, folder);
        return SourceFingerprint.of(settings, admit).of(SOURCE, folder, landed);
    }

    private PipelineSettings settings(byte[] key, boolean tolerate) {
        return new PipelineSettings(
                home,
                List.of(DivisionCode.parse("370103")),
                new SourceSettings(folder, null, null, tolerate),
                new SparkSettings("local[1]", 1, Map.of()),
                key,
                null,
                null,
                null);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
