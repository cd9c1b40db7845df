package io.shequ.jobs.partition;

import io.shequ.jobs.source.Source;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns a backfill range or a retry into a {@link RunScope} from the partition ledger. The lake
 * replaces a report fact table's month (a ledger's year) whole, so the files chosen are widened to
 * every file whose facts land in the same lake partition ({@code report_end}'s month; for ledgers
 * the year): restaging one office-month alone would drop the other offices' rows of that month.
 */
public final class ScopePlanner {

    private final List<Partition> ledger;

    public ScopePlanner(List<Partition> ledger) {
        this.ledger = List.copyOf(ledger);
    }

    /** The partitions of {@code sources} whose period overlaps {@code [from, to]}, the grid by {@code updated_at}. */
    public RunScope backfill(LocalDate from, LocalDate to, Set<String> sources) {
        Predicate<Partition> inRange = p -> p.periodStart() != null
                && !p.periodStart().isAfter(to)
                && !p.periodEnd().isBefore(from);
        Map<String, Set<String>> files = files(sources, inRange);
        boolean grid = sources.contains(Source.GRID_SYSTEM.id());
        return new RunScope(
                RunScope.Kind.BACKFILL,
                files,
                grid ? from.atStartOfDay() : null,
                grid ? to.plusDays(1).atStartOfDay() : null);
    }

    /** The failed and quarantined partitions (and their lake companions); the grid from its first failed day to its last. */
    public RunScope retry(Set<String> sources) {
        Map<String, Set<String>> files = files(sources, Partition::needsRetry);
        List<LocalDate> failedDays = ledger.stream()
                .filter(p -> p.source().equals(Source.GRID_SYSTEM.id()) && p.needsRetry())
                .map(Partition::periodStart)
                .sorted()
                .toList();
        LocalDateTime from = failedDays.isEmpty() || !sources.contains(Source.GRID_SYSTEM.id())
                ? null
                : failedDays.get(0).atStartOfDay();
        LocalDateTime until = from == null
                ? null
                : failedDays.get(failedDays.size() - 1).plusDays(1).atStartOfDay();
        return new RunScope(RunScope.Kind.RETRY, files, from, until);
    }

    /** True when the scope reprocesses nothing. */
    public static boolean isEmpty(RunScope scope) {
        return !scope.readsGrid()
                && scope.whole().isEmpty()
                && scope.files().values().stream().allMatch(Set::isEmpty);
    }

    private Map<String, Set<String>> files(Set<String> sources, Predicate<Partition> chosen) {
        Map<String, Set<String>> files = new LinkedHashMap<>();
        for (String source : List.of(Source.STREET_OFFICES.id(), Source.PROCUREMENT.id())) {
            if (!sources.contains(source)) {
                continue;
            }
            List<Partition> own =
                    ledger.stream().filter(p -> p.source().equals(source)).toList();
            List<Partition> picked = own.stream().filter(chosen).toList();
            Set<String> lakePartitions = new TreeSet<>();
            picked.forEach(p -> lakePartitions.add(lakePartition(source, p)));
            Set<String> locations = new TreeSet<>();
            for (Partition p : own) {
                if (picked.contains(p) || lakePartitions.contains(lakePartition(source, p))) {
                    locations.addAll(p.locations());
                }
            }
            if (!locations.isEmpty()) {
                files.put(source, locations);
            }
        }
        return files;
    }

    /** The lake partition a ledger partition's facts are written to; a file of unknown period is its own. */
    private static String lakePartition(String source, Partition p) {
        LocalDate end = p.reportEnd() != null ? p.reportEnd() : p.periodEnd();
        if (end == null) {
            return "?" + p.key();
        }
        return source.equals(Source.PROCUREMENT.id())
                ? Integer.toString(end.getYear())
                : YearMonth.from(end).toString();
    }

    /** The range a retry covers, for messages. */
    static String describe(List<Partition> partitions) {
        List<Partition> sorted = new ArrayList<>(partitions);
        sorted.sort(Comparator.comparing(Partition::key));
        return sorted.stream().map(p -> p.source() + ":" + p.key()).toList().toString();
    }
}
