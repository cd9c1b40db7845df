package io.shequ.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.schemas.home.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source counts as unchanged only with the same fingerprint, the same lake snapshots and the reading run's quarantine kept. */
class SourceReadsTest {

    private static final String SOURCE = "street_office_reports";
    private static final String RUN = "20261204T101010Z-abcd";

    @TempDir
    Path home;

    @Test
    void unchangedOnlyWhileFingerprintSnapshotsAndQuarantineAllHold() throws Exception {
        HomeLayout layout = new HomeLayout(home);
        SourceReads reads = new SourceReads(layout);
        Map<String, Long> lake = new HashMap<>(Map.of("fct_community_reports", 42L));

        assertThat(reads.unchanged(SOURCE, "f1", lake::get)).as("never read").isEmpty();

        reads.record(SOURCE, new SourceReads.Read("f1", RUN, 12, Map.of("fct_community_reports", 42L)));
        Files.createDirectories(layout.quarantine(RUN));
        assertThat(reads.unchanged(SOURCE, "f1", lake::get))
                .as("no warehouse is current: the source's published rows are nowhere to carry over from")
                .isEmpty();
        Files.createDirectories(layout.warehouse());
        Files.writeString(layout.currentWarehouse(), "snapshot");
        assertThat(reads.unchanged(SOURCE, "f1", lake::get)).contains(new UnchangedSource(SOURCE, 12, RUN));
        assertThat(OwnerOnly.isOwnerOnly(home.resolve("state/source-reads.json")))
                .isTrue();

        assertThat(reads.unchanged(SOURCE, "f2", lake::get)).as("other inputs").isEmpty();
        assertThat(reads.unchanged("procurement_ledgers", "f1", lake::get))
                .as("another source")
                .isEmpty();

        lake.put("fct_community_reports", 43L);
        assertThat(reads.unchanged(SOURCE, "f1", lake::get))
                .as("a later write (a backfill, a retry) replaced the table's snapshot")
                .isEmpty();
        lake.put("fct_community_reports", -1L);
        assertThat(reads.unchanged(SOURCE, "f1", lake::get))
                .as("the table is gone")
                .isEmpty();
        lake.put("fct_community_reports", 42L);

        Files.delete(layout.quarantine(RUN));
        assertThat(reads.unchanged(SOURCE, "f1", lake::get))
                .as("the reading run's quarantine is purged: read again, so its rows stay open for review")
                .isEmpty();
    }

    @Test
    void aReadWithNoTableToCheckIsNeverTakenAsUnchanged() throws Exception {
        HomeLayout layout = new HomeLayout(home);
        SourceReads reads = new SourceReads(layout);
        reads.record(SOURCE, new SourceReads.Read("f1", RUN, 3, Map.of()));
        Files.createDirectories(layout.quarantine(RUN));
        Files.createDirectories(layout.warehouse());
        Files.writeString(layout.currentWarehouse(), "snapshot");
        assertThat(reads.unchanged(SOURCE, "f1", table -> -1L)).isEmpty();
    }

    @Test
    void stateThatCannotBeReadMeansEverySourceIsReadAgain() throws Exception {
        HomeLayout layout = new HomeLayout(home);
        Files.createDirectories(layout.state());
        Files.writeString(layout.state().resolve("source-reads.json"), "{ truncated");
        SourceReads reads = new SourceReads(layout);
        assertThat(reads.of(SOURCE)).isEmpty();
        reads.record(SOURCE, new SourceReads.Read("f1", RUN, 12, Map.of("fct_community_reports", 42L)));
        assertThat(reads.of(SOURCE).orElseThrow().fingerprint()).isEqualTo("f1");
    }

    @Test
    void aNewerReadReplacesTheEarlierOneAndKeepsTheOtherSources() throws Exception {
        SourceReads reads = new SourceReads(new HomeLayout(home));
        reads.record(SOURCE, new SourceReads.Read("f1", RUN, 12, Map.of("fct_community_reports", 42L)));
        reads.record("procurement_ledgers", new SourceReads.Read("p1", RUN, 2, Map.of("fct_service_contracts", 7L)));
        reads.record(
                SOURCE, new SourceReads.Read("f2", "20261205T101010Z-abcd", 13, Map.of("fct_community_reports", 44L)));
        SourceReads reread = new SourceReads(new HomeLayout(home));
        assertThat(reread.of(SOURCE).orElseThrow().fingerprint()).isEqualTo("f2");
        assertThat(reread.of("procurement_ledgers").orElseThrow().fingerprint()).isEqualTo("p1");
    }
}
