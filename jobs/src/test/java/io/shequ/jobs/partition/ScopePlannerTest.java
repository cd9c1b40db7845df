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

class ScopePlannerTest {

    private static final String REPORTS = "street_office_reports";
    private static final String GRID = "grid_system";
    private static final Instant ARRIVED = Instant.parse("2023-02-05T00:00:00Z");

    private static Partition month(String street, String month, String location, String status, LocalDate reportEnd) {
        YearMonth m = YearMonth.parse(month);
        return new Partition(
                REPORTS,
                street + "/" + month,
                m.atDay(1),
                m.atEndOfMonth(),
                reportEnd == null ? m.atEndOfMonth() : reportEnd,
                List.of(location),
                List.of("sha"),
                3,
                ARRIVED,
                status,
                "run-1",
                "run",
                null);
    }

    private static Partition day(String day, String status) {
        LocalDate d = LocalDate.parse(day);
        return new Partition(
                GRID, day, d, d, d, List.of("event"), List.of("sha"), 1, ARRIVED, status, "run-1", "run", null);
    }

    @Test
    void retryTakesTheFailedPartitionWithTheFilesOfItsLakeMonthOnly() {
        ScopePlanner planner = new ScopePlanner(List.of(
                month("A", "2023-01", "a/jan.xlsx", Partition.LOADED, null),
                month("A", "2023-02", "a/feb.xlsx", Partition.QUARANTINED, null),
                month("B", "2023-02", "b/feb.xlsx", Partition.LOADED, null),
                month("B", "2023-01", "b/jan.xlsx", Partition.LOADED, null),
                day("2023-01-05", Partition.LOADED)));
        RunScope scope = planner.retry(Set.of(REPORTS, GRID));
        assertThat(scope.files().get(REPORTS))
                .as("February's files: the lake replaces the month whole")
                .containsExactlyInAnyOrder("a/feb.xlsx", "b/feb.xlsx");
        assertThat(scope.readsGrid()).as("no grid day failed").isFalse();
    }

    @Test
    void aQuarterlyReportBringsTheMonthlyReportsOfItsLastMonth() {
        LocalDate q1 = LocalDate.of(2023, 3, 31);
        ScopePlanner planner = new ScopePlanner(List.of(
                month("A", "2023-01", "a/q1.xlsx", Partition.LOADED, q1),
                month("A", "2023-02", "a/q1.xlsx", Partition.LOADED, q1),
                month("A", "2023-03", "a/q1.xlsx", Partition.LOADED, q1),
                month("B", "2023-01", "b/jan.xlsx", Partition.LOADED, null),
                month("B", "2023-03", "b/mar.xlsx", Partition.LOADED, null)));
        RunScope scope = planner.backfill(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31), Set.of(REPORTS));
        assertThat(scope.files().get(REPORTS)).containsExactlyInAnyOrder("a/q1.xlsx", "b/jan.xlsx", "b/mar.xlsx");
        assertThat(scope.readsGrid()).as("grid not chosen").isFalse();
    }

    @Test
    void aBackfillReextractsTheGridByItsDays() {
        RunScope scope = new ScopePlanner(List.of(day("2023-01-05", Partition.LOADED)))
                .backfill(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31), Set.of(GRID));
        assertThat(scope.gridFrom()).isEqualTo(LocalDate.of(2023, 1, 1).atStartOfDay());
        assertThat(scope.gridUntil())
                .as("the last day inclusive")
                .isEqualTo(LocalDate.of(2023, 2, 1).atStartOfDay());
        assertThat(ScopePlanner.isEmpty(scope)).isFalse();
    }

    @Test
    void freshnessFindsTheMissingOfficeMonthAndTheLateOne() {
        List<Partition> ledger = List.of(
                month("A", "2023-01", "a/jan.xlsx", Partition.LOADED, null),
                month("B", "2023-01", "b/jan.xlsx", Partition.LOADED, null),
                new Partition(
                        REPORTS,
                        "A/2023-02",
                        LocalDate.of(2023, 2, 1),
                        LocalDate.of(2023, 2, 28),
                        LocalDate.of(2023, 2, 28),
                        List.of("a/feb.xlsx"),
                        List.of("sha"),
                        3,
                        Instant.parse("2023-03-20T00:00:00Z"),
                        Partition.LOADED,
                        "run-2",
                        "run",
                        null));
        FreshnessWindows windows = new FreshnessWindows(
                Map.of(REPORTS, new FreshnessWindows.Window(Period.ofDays(10), null, LocalDate.of(2023, 2, 28))));
        Freshness.Report report =
                new Freshness(windows).asOf(Instant.parse("2023-04-01T00:00:00Z"), ledger, Set.of(REPORTS));
        assertThat(report.missing())
                .extracting(Freshness.Finding::key)
                .as("B sent nothing for February")
                .containsExactly("B/2023-02");
        assertThat(report.late())
                .extracting(Freshness.Finding::key)
                .as("A's February arrived after March 10")
                .containsExactly("A/2023-02");
        assertThat(report.missing().get(0).due()).isEqualTo(LocalDate.of(2023, 3, 10));
    }
}
