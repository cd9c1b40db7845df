package io.shequ.jobs.partition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.extract.GridSystemLanding;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.source.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Late and missing partitions as of a moment. A partition is due {@link FreshnessWindows} after
 * its period ends; it is <em>late</em> when its bytes arrived after that, <em>missing</em> when
 * the window has closed and nothing arrived. Expected partitions: for street offices every office
 * that ever reported × every month of the span; for the grid system every day; for ledgers every
 * district that ever sent one × every year. Windows are judged in Asia/Shanghai, where the offices are.
 * Periods of a source's bulk-loaded history ({@link FreshnessWindows.Window#historyTo()}) are never late.
 */
public final class Freshness {

    static final ZoneId ZONE = GridSystemLanding.VENDOR_ZONE;

    /** One late or missing partition, with the days it covers. */
    public record Finding(
            String source, String key, LocalDate periodStart, LocalDate periodEnd, LocalDate due, Instant arrivedAt) {}

    /** The findings, late and missing. */
    public record Report(List<Finding> late, List<Finding> missing) {

        /** This report as the run ledger keeps it: the counts, and the first {@code listed} of each. */
        public Summary summary(int listed) {
            return new Summary(
                    late.size(),
                    missing.size(),
                    late.stream().limit(listed).toList(),
                    missing.stream().limit(listed).toList());
        }
    }

    /** The run ledger's {@code freshness}: late and missing partitions as of a run's end. */
    public record Summary(
            @JsonProperty("late_count") int lateCount,
            @JsonProperty("missing_count") int missingCount,
            List<Finding> late,
            List<Finding> missing) {}

    public static final LedgerEntry<Summary> LEDGER = LedgerEntry.of(LedgerSection.FRESHNESS, new TypeReference<>() {});

    private final FreshnessWindows windows;

    public Freshness(FreshnessWindows windows) {
        this.windows = windows;
    }

    /** Late and missing partitions as of {@code now}, expected up to today (or each source's configured end). */
    public Report asOf(Instant now, List<Partition> ledger, Set<String> configuredSources) {
        return report(now, ledger, configuredSources, false);
    }

    /**
     * As {@link #asOf}, but expecting partitions only up to each source's latest period received:
     * the gaps in what arrived, not the periods after it, which every later day would lengthen.
     * What a published snapshot records, so that it changes only when its inputs do.
     */
    public Report upToReceived(Instant now, List<Partition> ledger, Set<String> configuredSources) {
        return report(now, ledger, configuredSources, true);
    }

    private Report report(Instant now, List<Partition> ledger, Set<String> configuredSources, boolean upToReceived) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        List<Finding> late = new ArrayList<>();
        List<Finding> missing = new ArrayList<>();
        for (String source : configuredSources) {
            FreshnessWindows.Window w = windows.of(source);
            List<Partition> own = ledger.stream()
                    .filter(p -> p.source().equals(source) && p.periodStart() != null)
                    .toList();
            for (Partition p : own) {
                LocalDate due = p.periodEnd().plus(w.due());
                if (p.arrivedAt() != null
                        && p.arrivedAt().atZone(ZONE).toLocalDate().isAfter(due)
                        && w.judgesLateness(p.periodEnd())) {
                    late.add(new Finding(source, p.key(), p.periodStart(), p.periodEnd(), due, p.arrivedAt()));
                }
            }
            Map<String, Partition> byKey = own.stream().collect(Collectors.toMap(Partition::key, Function.identity()));
            LocalDate first = w.from() != null
                    ? w.from()
                    : own.stream()
                            .map(Partition::periodStart)
                            .min(Comparator.naturalOrder())
                            .orElse(null);
            if (first == null) {
                continue;
            }
            LocalDate last = w.to() != null ? w.to() : today;
            if (upToReceived) {
                LocalDate received = own.stream()
                        .map(Partition::periodEnd)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(first);
                last = received.isBefore(last) ? received : last;
            }
            for (Expected e : expected(source, own, first, last)) {
                LocalDate due = e.end().plus(w.due());
                if (due.isBefore(today) && !byKey.containsKey(e.key())) {
                    missing.add(new Finding(source, e.key(), e.start(), e.end(), due, null));
                }
            }
        }
        return new Report(late, missing);
    }

    private record Expected(String key, LocalDate start, LocalDate end) {}

    private static List<Expected> expected(String source, List<Partition> own, LocalDate from, LocalDate last) {
        List<Expected> out = new ArrayList<>();
        if (source.equals(Source.GRID_SYSTEM.id())) {
            for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
                out.add(new Expected(d.toString(), d, d));
            }
            return out;
        }
        Set<String> owners = new TreeSet<>();
        own.forEach(p -> owners.add(p.key().substring(0, p.key().indexOf('/'))));
        for (String owner : owners) {
            if (source.equals(Source.PROCUREMENT.id())) {
                for (int y = from.getYear(); y <= last.getYear(); y++) {
                    out.add(new Expected(owner + "/" + y, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
                }
            } else {
                for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                    out.add(new Expected(owner + "/" + m, m.atDay(1), m.atEndOfMonth()));
                }
            }
        }
        return out;
    }
}
