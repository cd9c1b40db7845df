package io.shequ.jobs.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.LedgerFixture;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A per-source scope reads its sources whole and nothing else; it survives the run ledger. */
class RunScopeTest {

    private static final String REPORTS = "street_office_reports";
    private static final String LEDGERS = "procurement_ledgers";
    private static final String GRID = "grid_system";

    @TempDir
    Path home;

    private static LandedSource file(String location) {
        return new LandedSource(REPORTS, location, "landing/" + location, "sha-" + location, 10, 1L, null, 0L);
    }

    @Test
    void aSourceScopeReadsItsSourcesWholeAndNoOther() {
        RunScope scope = RunScope.wholeSources(Set.of(REPORTS, GRID));
        List<LandedSource> landed = List.of(file("a/jan.xlsx"), file("b/feb.xlsx"));
        assertThat(scope.readsFiles(REPORTS)).isTrue();
        assertThat(scope.select(REPORTS, landed))
                .as("every file, as a plain run lands them")
                .isEqualTo(landed);
        assertThat(scope.readsFiles(LEDGERS))
                .as("a source the schedule does not name is not read")
                .isFalse();
        assertThat(scope.readsWhole(GRID)).isTrue();
        assertThat(scope.readsGrid())
                .as("the grid incrementally from its watermarks, not a window")
                .isFalse();
        assertThat(ScopePlanner.isEmpty(scope)).isFalse();
        assertThat(scope.partial())
                .as("whole sources compare with earlier runs' datasets")
                .isFalse();
    }

    @Test
    void backfillsAndRetriesStayPartialAndReadOnlyTheirFiles() {
        RunScope backfill = new RunScope(
                RunScope.Kind.BACKFILL,
                Map.of(REPORTS, Set.of("a/jan.xlsx")),
                LocalDateTime.of(2023, 1, 1, 0, 0),
                LocalDateTime.of(2023, 2, 1, 0, 0));
        assertThat(backfill.select(REPORTS, List.of(file("a/jan.xlsx"), file("b/feb.xlsx"))))
                .extracting(LandedSource::location)
                .containsExactly("a/jan.xlsx");
        assertThat(backfill.whole()).isEmpty();
        assertThat(backfill.partial()).isTrue();
        assertThat(RunScope.PLAIN.partial()).as("a plain run").isFalse();
    }

    @Test
    void theScopeRoundTripsThroughTheRunLedgerAndOlderLedgersReadAsNoWholeSources() throws Exception {
        HomeLayout layout = new HomeLayout(home);
        RunScope.wholeSources(Set.of(LEDGERS, REPORTS)).recordFor(layout, "run-1");
        RunScope read = RunScope.of(layout, "run-1");
        assertThat(read.kind()).isEqualTo(RunScope.Kind.SOURCE);
        assertThat(read.whole()).containsExactly(LEDGERS, REPORTS);

        // a retry recorded before per-source runs existed has no "whole"
        Files.createDirectories(layout.run("run-2"));
        LedgerFixture.put(
                new RunLedger(layout, "run-2"),
                LedgerSection.SCOPE,
                RunLedger.JSON.readTree(
                        "{\"kind\":\"retry\",\"files\":{\"street_office_reports\":[\"a/jan.xlsx\"]},\"gridFrom\":null,\"gridUntil\":null}"));
        RunScope old = RunScope.of(layout, "run-2");
        assertThat(old.whole()).isEmpty();
        assertThat(old.kind()).as("the kind as the ledger writes it").isEqualTo(RunScope.Kind.RETRY);
        assertThat(old.readsFiles(REPORTS)).isTrue();
        assertThat(old.readsFiles(LEDGERS)).isFalse();

        assertThat(RunScope.of(layout, "run-3"))
                .as("no scope recorded: a plain run")
                .isEqualTo(RunScope.PLAIN);
        assertThat(RunScope.PLAIN.readsFiles(LEDGERS))
                .as("a plain run reads every source")
                .isTrue();
        assertThat(RunScope.PLAIN.readsWhole(GRID)).isTrue();
        assertThat(RunLedger.JSON.writeValueAsString(RunScope.wholeSources(Set.of(GRID))))
                .as("the kind is written as before")
                .contains("\"kind\" : \"source\"");
    }
}
