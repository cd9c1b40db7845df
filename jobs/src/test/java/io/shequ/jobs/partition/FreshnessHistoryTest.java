package io.shequ.jobs.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** History loaded in bulk is not late; a gap in it is still missing; after it, lateness counts again. */
class FreshnessHistoryTest {

    private static final String REPORTS = "street_office_reports";
    private static final Instant BULK_LOAD = Instant.parse("2026-11-23T03:00:00Z");

    private static Partition month(String month, Instant arrived) {
        YearMonth m = YearMonth.parse(month);
        return new Partition(
                REPORTS,
                "370103002000/" + month,
                m.atDay(1),
                m.atEndOfMonth(),
                m.atEndOfMonth(),
                List.of("a/" + month + ".xlsx"),
                List.of("sha"),
                3,
                arrived,
                Partition.LOADED,
                "run-1",
                "run",
                null);
    }

    private static Freshness.Report judge(LocalDate historyTo, List<Partition> ledger) {
        FreshnessWindows windows = new FreshnessWindows(Map.of(
                REPORTS,
                new FreshnessWindows.Window(
                        Period.ofDays(10), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 4, 30), historyTo)));
        return new Freshness(windows).asOf(Instant.parse("2026-11-23T04:00:00Z"), ledger, Set.of(REPORTS));
    }

    @Test
    void partitionsOfTheHistoryAreNotLateButItsGapsAreMissing() {
        List<Partition> ledger =
                List.of(month("2023-01", BULK_LOAD), month("2023-02", BULK_LOAD), month("2023-04", BULK_LOAD));
        Freshness.Report withoutHistory = judge(null, ledger);
        assertThat(withoutHistory.late())
                .as("without history-to, a 2023 month arriving in 2026 is late")
                .hasSize(3);

        Freshness.Report report = judge(LocalDate.of(2023, 4, 30), ledger);
        assertThat(report.late()).as("bulk-loaded history").isEmpty();
        assertThat(report.missing())
                .extracting(Freshness.Finding::key)
                .as("the month the history lacks, and nothing after `to`")
                .containsExactly("370103002000/2023-03");
    }

    @Test
    void aMonthAfterTheHistoryIsJudgedAsUsual() {
        Freshness.Report report = judge(
                LocalDate.of(2023, 2, 28),
                List.of(
                        month("2023-01", BULK_LOAD),
                        month("2023-02", BULK_LOAD),
                        month("2023-03", BULK_LOAD),
                        month("2023-04", Instant.parse("2023-05-05T00:00:00Z"))));
        assertThat(report.late())
                .extracting(Freshness.Finding::key)
                .as("March arrived years after its window; April on time")
                .containsExactly("370103002000/2023-03");
    }
}
