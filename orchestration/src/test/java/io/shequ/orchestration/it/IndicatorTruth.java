package io.shequ.orchestration.it;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The indicator catalogue computed in plain Java from {@link SampleTruth}'s ground-truth records for
 * one division (all codes starting with a prefix): indicator/breakdown → value, holding exactly
 * the rows the warehouse must publish (counts of complete sources dense, report figures where some
 * community reports them, ratios where the denominator is positive).
 */
final class IndicatorTruth {

    private final SampleTruth truth;
    private final int year;

    IndicatorTruth(SampleTruth truth, int year) {
        this.truth = truth;
        this.year = year;
    }

    /** indicator/breakdown → value for the division whose codes start with {@code prefix}. */
    Map<String, Double> of(String prefix) {
        Predicate<String> within = code -> code != null && code.startsWith(prefix);
        Map<String, Double> out = new TreeMap<>();
        units(prefix, out);
        reports(within, out);
        events(within, out);
        grids(within, out);
        purchase(within, out);
        return out;
    }

    /**
     * Village-level units of the NBS reference under the prefix, by kind from the village part of
     * the code (as DivisionKind reads it): 001-199 and 400-499 residents' committees, 200-399 and 500-599
     * villagers' committees. Dense: a kind without units is 0.
     */
    private static void units(String prefix, Map<String, Double> out) {
        List<String> units;
        try {
            units = SampleTruth.divisions("villages.csv.gz", prefix);
        } catch (Exception e) {
            throw new IllegalStateException("reading the NBS reference", e);
        }
        long residents = units.stream()
                .map(code -> Integer.parseInt(code.substring(9)))
                .filter(part -> part <= 199 || (part >= 400 && part <= 499))
                .count();
        out.put("units/", (double) units.size());
        out.put("units/residents_committee", (double) residents);
        out.put("units/villagers_committee", (double) (units.size() - residents));
    }

    private void reports(Predicate<String> within, Map<String, Double> out) {
        List<SampleTruth.CommunityYear> cs = truth.communities.values().stream()
                .filter(c -> within.test(c.code()))
                .toList();
        Function<String, List<Double>> stock = f ->
                cs.stream().map(c -> c.stock().get(f)).filter(Objects::nonNull).toList();
        ratio(
                out,
                "office_ok/",
                stock.apply("office_area_m2").stream().filter(a -> a >= 300).count(),
                stock.apply("office_area_m2").size(),
                1);
        List<Double> staff = stock.apply("fulltime_staff");
        ratio(out, "staff_avg/", sum(staff), staff.size(), 1);
        ratio(
                out,
                "staff_per_10k/",
                both(cs, "fulltime_staff", "resident_population", true),
                both(cs, "resident_population", "fulltime_staff", false),
                10000);
        count(out, "social_workers", stock.apply("social_workers"));
        ratio(
                out,
                "volunteer_rate/",
                both(cs, "volunteers", "resident_population", true),
                both(cs, "resident_population", "volunteers", false),
                1);
        count(out, "social_orgs", stock.apply("social_orgs"));
        ratio(
                out,
                "space_per_100hh/",
                both(cs, "office_area_m2", "households", true),
                both(cs, "households", "office_area_m2", false),
                100);
        List<Double> platforms = stock.apply("consult_platforms");
        if (!platforms.isEmpty()) {
            out.put("consult/platforms", sum(platforms));
        }
        double matters = 0;
        boolean anyMatters = false;
        for (String flow : List.of("consult_meetings", "matters_public", "matters_livelihood", "matters_disputes")) {
            List<Double> values = cs.stream()
                    .map(c -> c.flow().get(flow))
                    .filter(Objects::nonNull)
                    .toList();
            if (!values.isEmpty()) {
                out.put("consult/" + (flow.equals("consult_meetings") ? "meetings" : flow), sum(values));
                if (!flow.equals("consult_meetings")) {
                    matters += sum(values);
                    anyMatters = true;
                }
            }
        }
        if (anyMatters) {
            out.put("consult/", matters);
        }
    }

    private void events(Predicate<String> within, Map<String, Double> out) {
        List<SampleTruth.Event> es =
                truth.events.stream().filter(e -> within.test(e.code())).toList();
        List<SampleTruth.Event> registered =
                es.stream().filter(SampleTruth.Event::registered).toList();
        List<SampleTruth.Event> closed =
                registered.stream().filter(SampleTruth.Event::closed).toList();
        double residents = residents(within);
        out.put("events/count", (double) es.size());
        ratio(out, "events/", es.size(), residents, 1000);
        for (SampleTruth.Event e : es) {
            out.merge("events/category:" + e.category(), 1.0, Double::sum);
            out.merge("events/channel:" + e.channel(), 1.0, Double::sum);
        }
        ratio(out, "close_rate/", closed.size(), registered.size(), 1);
        ratio(
                out,
                "ontime_rate/",
                closed.stream().filter(SampleTruth.Event::onTime).count(),
                registered.size(),
                1);
        ratio(
                out,
                "rework_rate/",
                registered.stream().filter(SampleTruth.Event::reworked).count(),
                registered.size(),
                1);
        List<String> ratings = es.stream()
                .map(SampleTruth.Event::satisfaction)
                .filter(Objects::nonNull)
                .toList();
        ratio(
                out,
                "satisfaction/",
                ratings.stream().filter(r -> !r.equals("不满意")).count(),
                ratings.size(),
                1);
        List<Double> hours =
                new ArrayList<>(closed.stream().map(SampleTruth.Event::hours).toList());
        if (!hours.isEmpty()) {
            hours.sort(Double::compare);
            int n = hours.size();
            out.put("dispose_hours/", sum(hours) / n);
            out.put(
                    "dispose_hours/median",
                    n % 2 == 1 ? hours.get(n / 2) : (hours.get(n / 2 - 1) + hours.get(n / 2)) / 2);
        }
        double disputeEvents =
                es.stream().filter(e -> e.closed() && e.category().equals("01")).count();
        double consulted = truth.communities.values().stream()
                .filter(c -> within.test(c.code()))
                .map(c -> c.flow().get("matters_disputes"))
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sum();
        out.put("disputes/events", disputeEvents);
        out.put("disputes/consultation", consulted);
        out.put("disputes/", disputeEvents + consulted);
    }

    private void grids(Predicate<String> within, Map<String, Double> out) {
        Set<String> parents = new HashSet<>();
        truth.grids.forEach(g -> parents.add(g.parent()));
        List<SampleTruth.Grid> gs =
                truth.grids.stream().filter(g -> within.test(g.community())).toList();
        out.put("grid/", (double) gs.size());
        for (int level = 1; level <= 4; level++) {
            int l = level;
            out.put("grid/level:" + level, (double)
                    gs.stream().filter(g -> g.level() == l).count());
        }
        long lowest = gs.stream().filter(g -> !parents.contains(g.code())).count();
        out.put("grid/lowest_level", (double) lowest);
        if (residents(within) > 0) {
            ratio(out, "grid/residents_per_grid", residents(within), lowest, 1);
        }
    }

    private void purchase(Predicate<String> within, Map<String, Double> out) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal signed = BigDecimal.ZERO;
        Map<String, BigDecimal> byCategory = new HashMap<>();
        Map<String, BigDecimal> byProject = new HashMap<>();
        Map<String, BigDecimal> byProvider = new HashMap<>();
        for (SampleTruth.Share s : truth.shares) {
            if (!within.test(s.served())) {
                continue;
            }
            if (s.signedYear() == year) {
                signed = signed.add(s.amount());
            }
            long all = ChronoUnit.DAYS.between(s.start(), s.end()) + 1;
            LocalDate from = s.start().isAfter(first) ? s.start() : first;
            LocalDate to = s.end().isBefore(last) ? s.end() : last;
            if (all <= 0 || to.isBefore(from)) {
                continue;
            }
            BigDecimal inYear = s.amount()
                    .multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to) + 1))
                    .divide(BigDecimal.valueOf(all), 10, RoundingMode.HALF_UP);
            total = total.add(inYear);
            byCategory.merge(s.category(), inYear, BigDecimal::add);
            byProject.merge(s.project(), inYear, BigDecimal::add);
            byProvider.merge(s.provider(), inYear, BigDecimal::add);
        }
        out.put("purchase/", total.setScale(2, RoundingMode.HALF_UP).doubleValue());
        out.put("purchase/signed", signed.setScale(2, RoundingMode.HALF_UP).doubleValue());
        byCategory.forEach((c, a) -> out.put(
                "purchase/category:" + c, a.setScale(2, RoundingMode.HALF_UP).doubleValue()));
        out.put("purchase/projects", (double)
                byProject.values().stream().filter(a -> a.signum() > 0).count());
        out.put("purchase/providers", (double)
                byProvider.values().stream().filter(a -> a.signum() > 0).count());
        ratio(out, "purchase/per_resident", total.doubleValue(), residents(within), 1);
    }

    private double residents(Predicate<String> within) {
        return truth.communities.values().stream()
                .filter(c -> within.test(c.code()))
                .map(c -> c.stock().get("resident_population"))
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    /** Sum of {@code field} over communities that report it and {@code other} (other > 0 when {@code otherPositive}). */
    private static double both(List<SampleTruth.CommunityYear> cs, String field, String other, boolean otherPositive) {
        double sum = 0;
        for (SampleTruth.CommunityYear c : cs) {
            Double v = c.stock().get(field);
            Double o = c.stock().get(other);
            boolean base = otherPositive ? o != null && o > 0 && v != null : o != null && v != null && v > 0;
            if (base) {
                sum += v;
            }
        }
        return sum;
    }

    private static void count(Map<String, Double> out, String indicator, List<Double> values) {
        if (!values.isEmpty()) {
            out.put(indicator + "/", sum(values));
            out.put(indicator + "/per_community", sum(values) / values.size());
        }
    }

    private static void ratio(Map<String, Double> out, String key, double numerator, double denominator, double scale) {
        if (denominator > 0) {
            out.put(key, numerator * scale / denominator);
        }
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
