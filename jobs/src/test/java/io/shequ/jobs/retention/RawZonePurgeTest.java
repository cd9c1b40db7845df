package io.shequ.jobs.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.Retention;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After raw.keep-days the purge removes past runs' staging, landed grid tables and work folders;
 * the quarantine follows its own period; the current run, unfinished runs, landed files and the
 * grid mirror are never touched. The clock is fixed, the files' ages set.
 */
class RawZonePurgeTest {

    private static final Instant NOW = Instant.parse("2024-03-01T08:00:00Z");
    private static final String OLD = "20240101T000000Z-aaaa";
    private static final String RECENT = "20240220T000000Z-bbbb";
    private static final String FAILED = "20240102T000000Z-cccc";
    private static final String CURRENT = "20240301T080000Z-dddd";

    @TempDir
    Path home;

    @Test
    void pastTheRawPeriodStagingLandedGridTablesAndWorkGoTheQuarantineFollowsItsOwn() throws IOException {
        HomeLayout layout = new HomeLayout(home);
        for (String run : List.of(OLD, FAILED)) {
            runFolders(layout, run, Duration.ofDays(45));
        }
        runFolders(layout, RECENT, Duration.ofDays(10));
        runFolders(layout, CURRENT, Duration.ofDays(400)); // however old its files look
        Path landedFile = file(layout.landingFiles().resolve("ab12/report.xlsx"), Duration.ofDays(400));
        Path mirror = file(layout.gridMirror().resolve(OLD).resolve("event/part-0.parquet"), Duration.ofDays(400));

        RawZonePurge.Result purged = new RawZonePurge(layout, new Retention(30, 60), Clock.fixed(NOW, ZoneOffset.UTC))
                .purge(CURRENT, Set.of(FAILED, CURRENT));

        assertThat(purged.staging())
                .as("staging: the old run went, the failed one was kept and named")
                .isEqualTo(new RunFolderPurge.Purged(30, 1, 2, List.of(FAILED)));
        assertThat(purged.landingTables()).isEqualTo(new RunFolderPurge.Purged(30, 1, 3, List.of(FAILED)));
        assertThat(purged.work()).isEqualTo(new RunFolderPurge.Purged(30, 1, 1, List.of(FAILED)));
        assertThat(purged.quarantine())
                .as("45 days old: within quarantine.keep-days 60")
                .isEqualTo(new RunFolderPurge.Purged(60, 0, 0, List.of()));

        assertThat(layout.staging(OLD)).doesNotExist();
        assertThat(layout.landingTables(OLD)).doesNotExist();
        assertThat(layout.conformed(OLD)).doesNotExist();
        assertThat(layout.quarantine(OLD)).isDirectory();
        for (String kept : List.of(RECENT, FAILED, CURRENT)) {
            assertThat(layout.staging(kept)).as("staging of %s", kept).isDirectory();
            assertThat(layout.landingTables(kept))
                    .as("landed grid tables of %s", kept)
                    .isDirectory();
        }
        assertThat(landedFile)
                .as("landed files carry no personal identifiers: kept for lineage")
                .exists();
        assertThat(mirror)
                .as("the grid mirror is state, pseudonymized, never purged")
                .exists();
    }

    @Test
    void onceTheFailedRunCompletesAndTimePassesEverythingPastThePeriodGoes() throws IOException {
        HomeLayout layout = new HomeLayout(home);
        runFolders(layout, FAILED, Duration.ofDays(45));
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC);

        RawZonePurge.Result purged = new RawZonePurge(layout, Retention.defaults(), later).purge(CURRENT, Set.of());

        assertThat(purged.staging().runs()).isEqualTo(1);
        assertThat(purged.quarantine().runs())
                .as("75 days: past the default 30 for the quarantine too")
                .isEqualTo(1);
        assertThat(purged.landingTables().runs()).isEqualTo(1);
        for (Path zone : List.of(
                layout.staging(FAILED).getParent(),
                layout.landingTables(FAILED).getParent(),
                home.resolve("work"),
                layout.quarantine(FAILED).getParent())) {
            assertThat(zone).as("%s emptied", zone).isEmptyDirectory();
        }
    }

    /** A run's folders in every raw zone, all their files and folders last modified {@code age} before NOW. */
    private static void runFolders(HomeLayout layout, String run, Duration age) throws IOException {
        file(layout.staging(run).resolve("event/part-0.parquet"), age);
        file(layout.staging(run).resolve("community_reports/part-0.parquet"), age);
        file(layout.landingTables(run).resolve("event/part-0.parquet"), age);
        file(layout.landingTables(run).resolve("event_flow/part-0.parquet"), age);
        file(layout.landingTables(run).resolve("grid/part-0.parquet"), age);
        file(layout.conformed(run).resolve("fct_grid_events/part-0.parquet"), age);
        file(layout.quarantine(run).resolve("event/part-0.json"), age);
        for (Path folder : List.of(
                layout.staging(run),
                layout.landingTables(run),
                layout.home().resolve("work").resolve(run),
                layout.quarantine(run))) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.toList()) {
                    Files.setLastModifiedTime(p, FileTime.from(NOW.minus(age)));
                }
            }
        }
    }

    private static Path file(Path file, Duration age) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"reporter_phone\":\"13812345678\"}\n");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }
}
