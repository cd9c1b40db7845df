package io.shequ.orchestration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.extract.SourceReads;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.warehouse.WarehousePublisher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shequ publish --list} and {@code --rollback} on the snapshots of a home. */
class PublishCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new PublishCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(args);
    }

    private String output() {
        String text = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return text;
    }

    private void publishThree(WarehousePublisher publisher) throws Exception {
        for (int i = 1; i <= 3; i++) {
            Path file = Files.writeString(publisher.newSnapshotPath("run-" + i), "snapshot " + i);
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-01-0" + i + "T00:00:00Z")));
            publisher.publish(file);
        }
    }

    @Test
    void listShowsTheKeptSnapshotsNewestFirstAndMarksTheCurrent() throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(home);
        publishThree(publisher);

        assertThat(run("--home", home.toString(), "--list")).isZero();
        String[] lines = output().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("* run-3.duckdb");
        assertThat(lines[2]).startsWith("  run-2.duckdb");
        assertThat(lines[3]).startsWith("  run-1.duckdb");
    }

    @Test
    void rollbackGoesBackOneSnapshotEachTimeThenExits1() throws Exception {
        WarehousePublisher publisher = new WarehousePublisher(home);
        publishThree(publisher);
        SourceReads reads = new SourceReads(new HomeLayout(home));
        reads.record(
                "street_office_reports", new SourceReads.Read("f1", "run-3", 12, Map.of("fct_community_reports", 7L)));

        assertThat(run("--home", home.toString(), "--rollback")).isZero();
        assertThat(output())
                .startsWith("rolled back: run-2.duckdb is now current")
                .contains("the next run reads every file source again");
        assertThat(reads.of("street_office_reports"))
                .as("the reads published in the snapshot rolled back from are forgotten")
                .isEmpty();
        assertThat(publisher.current().orElseThrow().getFileName().toString()).isEqualTo("run-2.duckdb");

        assertThat(run("--home", home.toString(), "--rollback")).isZero();
        assertThat(output()).startsWith("rolled back: run-1.duckdb is now current");

        assertThat(run("--home", home.toString(), "--rollback"))
                .as("nothing older to roll back to")
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to roll back to");
        assertThat(publisher.current().orElseThrow().getFileName().toString()).isEqualTo("run-1.duckdb");

        assertThat(run("--home", home.toString(), "--list")).isZero();
        assertThat(output()).contains("* run-1.duckdb").contains("  run-3.duckdb");
    }

    @Test
    void rollbackWithNothingPublishedExits1AndNoActionIsBadUsage() {
        assertThat(run("--home", home.toString(), "--rollback")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing is published");
        assertThat(ShequMain.execute("publish", "--home", home.toString()))
                .as("--rollback or --list is required")
                .isEqualTo(2);
        assertThat(ShequMain.execute("publish", "--home", home.toString(), "--list", "--rollback"))
                .as("not both")
                .isEqualTo(2);
    }
}
