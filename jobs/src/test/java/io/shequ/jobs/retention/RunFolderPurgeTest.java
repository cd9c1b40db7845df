package io.shequ.jobs.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Past runs' folders are deleted once older than the configured days; newer, unfinished and the current run stay. */
class RunFolderPurgeTest {

    private static final Instant NOW = Instant.parse("2024-03-01T08:00:00Z");

    @TempDir
    Path root;

    @Test
    void purgesRunsOlderThanTheKeptDaysAndCountsWhatWentAway() throws IOException {
        quarantineOf("20240101T000000Z-aaaa", Duration.ofDays(60), 3);
        quarantineOf("20240129T000000Z-bbbb", Duration.ofDays(31), 2);
        quarantineOf("20240201T000000Z-cccc", Duration.ofDays(29), 4);
        quarantineOf("20240301T000000Z-dddd", Duration.ofDays(90), 1); // the current run, however old its files look

        RunFolderPurge.Purged purged =
                new RunFolderPurge(root, Clock.fixed(NOW, ZoneOffset.UTC)).purge(30, "20240301T000000Z-dddd", Set.of());

        assertThat(purged).isEqualTo(new RunFolderPurge.Purged(30, 2, 5, List.of()));
        assertThat(root.resolve("20240101T000000Z-aaaa")).doesNotExist();
        assertThat(root.resolve("20240129T000000Z-bbbb")).doesNotExist();
        assertThat(root.resolve("20240201T000000Z-cccc"))
                .as("29 days old: kept")
                .isDirectory();
        assertThat(root.resolve("20240301T000000Z-dddd")).isDirectory();
    }

    @Test
    void aRunFolderWrittenIntoAgainLaterCountsFromItsNewestFile() throws IOException {
        Path run = quarantineOf("20231201T000000Z-eeee", Duration.ofDays(90), 2);
        Files.setLastModifiedTime(run.resolve("dataset/part-1.json"), FileTime.from(NOW.minus(Duration.ofDays(2))));

        RunFolderPurge.Purged purged =
                new RunFolderPurge(root, Clock.fixed(NOW, ZoneOffset.UTC)).purge(30, "now", Set.of());

        assertThat(purged.runs()).isZero();
        assertThat(run).isDirectory();
    }

    @Test
    void aHomeWithoutQuarantineHasNothingToPurgeAndZeroDaysIsRefused() {
        RunFolderPurge purge = new RunFolderPurge(root.resolve("absent"), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(purge.purge(1, "now", Set.of())).isEqualTo(new RunFolderPurge.Purged(1, 0, 0, List.of()));
        assertThatThrownBy(() -> purge.purge(0, "now", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnfinishedRunPastThePeriodIsKeptAndNamedSoARestartFindsItsFolders() throws IOException {
        quarantineOf("20240101T000000Z-ffff", Duration.ofDays(60), 2); // failed, restartable
        quarantineOf("20240102T000000Z-abcd", Duration.ofDays(59), 1); // completed
        quarantineOf("duckdb-spill", Duration.ofDays(90), 1); // no run's folder

        RunFolderPurge.Purged purged = new RunFolderPurge(root, Clock.fixed(NOW, ZoneOffset.UTC))
                .purge(30, "now", Set.of("20240101T000000Z-ffff", "20240301T000000Z-fresh"));

        assertThat(purged).isEqualTo(new RunFolderPurge.Purged(30, 1, 1, List.of("20240101T000000Z-ffff")));
        assertThat(root.resolve("20240101T000000Z-ffff")).isDirectory();
        assertThat(root.resolve("20240102T000000Z-abcd")).doesNotExist();
        assertThat(root.resolve("duckdb-spill"))
                .as("not named like a run: left alone")
                .isDirectory();
    }

    /** A run's quarantine with {@code files} JSON files, all last modified {@code age} ago. */
    private Path quarantineOf(String runId, Duration age, int files) throws IOException {
        Path dataset = Files.createDirectories(root.resolve(runId).resolve("dataset"));
        FileTime then = FileTime.from(NOW.minus(age));
        for (int i = 0; i < files; i++) {
            Path file = Files.writeString(dataset.resolve("part-" + i + ".json"), "{\"raw\":\"13812345678\"}\n");
            Files.setLastModifiedTime(file, then);
        }
        Files.setLastModifiedTime(dataset, then);
        Files.setLastModifiedTime(root.resolve(runId), then);
        return root.resolve(runId);
    }
}
