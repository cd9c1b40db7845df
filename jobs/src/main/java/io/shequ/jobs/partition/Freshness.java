package io.shequ.jobs.partition;

import io.shequ.jobs.extract.GridSystemLanding;
import io.shequ.jobs.pipeline.steps.ExtractStep;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    /** One late or missing partition. */
    public record Finding(String source, String key, LocalDate due, Instant arrivedAt) {
    }

    /** The findings, late and missing. */
    public record Report(List<Finding> late, List<Finding> missing) {
    }

    private final FreshnessWindows windows;

    public Freshness(FreshnessWindows windows) {
        this.windows = windows;
    }

    public Report asOf(Instant now, List<Partition> ledger, Set<String> configuredSources) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        List<Finding> late = new ArrayList<>();
        List<Finding> missing = new ArrayList<>();
        for (String source : configuredSources) {
            FreshnessWindows.Window w = windows.of(source);
            List<Partition> own = ledger.stream().filter(p -> p.source().equals(source) && p.periodStart() != null).toList();
            for (Partition p : own) {
                LocalDate due = p.periodEnd().plus(w.due());
                if (p.arrivedAt() != null && p.arrivedAt().atZone(ZONE).toLocalDate().isAfter(due)
                        && w.judgesLateness(p.periodEnd())) {
                    late.add(new Finding(source, p.key(), due, p.arrivedAt()));
                }
            }
            Map<String, Partition> byKey = own.stream().collect(Collectors.toMap(Partition::key, Function.identity()));
            LocalDate first = w.from() != null ? w.from()
                    : own.stream().map(Partition::periodStart).min(Comparator.naturalOrder()).orElse(null);
            if (first == null) {
                continue;
            }
            for (Expected e : expected(source, own, first, w.to())) {
                LocalDate due = e.end().plus(w.due());
                if (due.isBefore(today) && !byKey.containsKey(e.key())) {
                    missing.add(new Finding(source, e.key(), due, null));
                }
            }
        }
        return new Report(late, missing);
    }

    private record Expected(String key, LocalDate end) {
    }

    private static List<Expected> expected(String source, List<Partition> own, LocalDate from, LocalDate to) {
        List<Expected> out = new ArrayList<>();
        LocalDate last = to != null ? to : LocalDate.now(ZONE);
        if (source.equals(GridSystemLanding.SOURCE)) {
            for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
                out.add(new Expected(d.toString(), d));
            }
            return out;
        }
        Set<String> owners = new TreeSet<>();
        own.forEach(p -> owners.add(p.key().substring(0, p.key().indexOf('/'))));
        for (String owner : owners) {
            if (source.equals(ExtractStep.PROCUREMENT)) {
                for (int y = from.getYear(); y <= last.getYear(); y++) {
                    out.add(new Expected(owner + "/" + y, LocalDate.of(y, 12, 31)));
                }
            } else {
                for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                    out.add(new Expected(owner + "/" + m, m.atEndOfMonth()));
                }
            }
        }
        return out;
    }
}
