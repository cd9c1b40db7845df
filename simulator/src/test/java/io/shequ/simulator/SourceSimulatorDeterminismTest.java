package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSimulatorDeterminismTest {

    private static final List<String> TABLES = List.of(
            "SELECT * FROM grid ORDER BY grid_code",
            "SELECT * FROM event ORDER BY event_id",
            "SELECT * FROM event_flow ORDER BY event_id, seq");

    @Test
    void sameSpecWritesSameBytes(@TempDir Path first, @TempDir Path second) throws Exception {
        SimulationResult a = SourceSimulator.generate(SampleFiles.SMALL, first);
        SimulationResult b = SourceSimulator.generate(SampleFiles.SMALL, second);

        List<Path> filesA = files(first);
        assertThat(filesA).as("the same files in both runs").isEqualTo(files(second));
        assertThat(filesA).as("reports, ledger and ground truth were written").hasSizeGreaterThan(10);
        for (Path relative : filesA) {
            assertThat(Files.readAllBytes(second.resolve(relative)))
                    .as("bytes of %s, no clock in them", relative)
                    .isEqualTo(Files.readAllBytes(first.resolve(relative)));
            assertThat(Files.getLastModifiedTime(second.resolve(relative)))
                    .as("modification time of %s comes from the simulation", relative)
                    .isEqualTo(Files.getLastModifiedTime(first.resolve(relative)));
        }
        assertThat(b.gridPassword()).as("the password is derived from the seed").isEqualTo(a.gridPassword());
        for (String sql : TABLES) {
            assertThat(SampleFiles.table(b, sql)).as("grid database: %s", sql).isEqualTo(SampleFiles.table(a, sql));
        }
    }

    @Test
    void everyKindOfMessIsDrawnFromTheSeedToo(@TempDir Path first, @TempDir Path second) throws Exception {
        SourceSimulator.generate(SampleFiles.HEAVY_REPORTS, first);
        SourceSimulator.generate(SampleFiles.HEAVY_REPORTS, second);

        List<Path> filesA = files(first);
        assertThat(filesA)
                .as("the same files, duplicates and resubmissions included")
                .isEqualTo(files(second));
        for (Path relative : filesA) {
            assertThat(Files.readAllBytes(second.resolve(relative)))
                    .as("bytes of %s", relative)
                    .isEqualTo(Files.readAllBytes(first.resolve(relative)));
            assertThat(Files.getLastModifiedTime(second.resolve(relative)))
                    .as("modification time of %s", relative)
                    .isEqualTo(Files.getLastModifiedTime(first.resolve(relative)));
        }
    }

    @Test
    void anotherSeedWritesAnotherSample(@TempDir Path first, @TempDir Path second) throws Exception {
        SimulationResult a = SourceSimulator.generate(SampleFiles.SMALL, first);
        SimulationSpec other = new SimulationSpec(SampleFiles.SMALL.district(), 2023, 8L, 2, 3, 24, Mess.none());
        SimulationResult b = SourceSimulator.generate(other, second);

        assertThat(Files.readAllBytes(b.groundTruthFolder().resolve("report-rows.csv")))
                .as("the seed matters")
                .isNotEqualTo(Files.readAllBytes(a.groundTruthFolder().resolve("report-rows.csv")));
        assertThat(b.gridPassword()).as("each seed has its own password").isNotEqualTo(a.gridPassword());
    }

    @Test
    void regeneratingIntoTheSameFolderReplacesTheSample(@TempDir Path out) throws Exception {
        SourceSimulator.generate(SampleFiles.SMALL, out);
        SimulationResult again = SourceSimulator.generate(SampleFiles.SMALL, out);

        assertThat(SampleFiles.table(again, "SELECT COUNT(*) FROM event").get(0).get(0))
                .as("a second run starts from an empty database")
                .isEqualTo((long) again.events());
    }

    @Test
    void passwordStaysOutOfEveryFile(@TempDir Path out) throws Exception {
        SimulationResult result = SourceSimulator.generate(SampleFiles.SMALL, out);

        for (Path relative : files(out)) {
            assertThat(new String(Files.readAllBytes(out.resolve(relative)), StandardCharsets.ISO_8859_1))
                    .as("%s must not carry the grid password", relative)
                    .doesNotContain(result.gridPassword());
        }
        assertThat(result.toString()).as("the result does not print the secret").doesNotContain(result.gridPassword());
    }

    /** Every file under the folder except the H2 database, relative and sorted. */
    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(p -> !p.startsWith(GridDatabaseWriter.FOLDER))
                    .sorted()
                    .toList();
        }
    }
}
