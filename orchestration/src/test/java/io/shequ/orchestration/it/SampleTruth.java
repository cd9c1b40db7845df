package io.shequ.orchestration.it;

import io.shequ.simulator.GroundTruthCsv;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What the sample means for one year, read straight from its ground truth (report-rows.csv,
 * files.csv, contracts.csv, grid-events.csv), the grid database and the NBS and taxonomy reference
 * files, without any pipeline code: the records {@link IndicatorTruth} computes indicators from.
 */
final class SampleTruth {

    /** A community's year: stock figures from its last report, flow figures summed over its reports (null: unknown). */
    record CommunityYear(String code, Map<String, Double> stock, Map<String, Double> flow) {}

    /** A non-voided event reported in the year, with its closed-loop outcome. */
    record Event(
            String code,
            String category,
            String channel,
            boolean registered,
            boolean closed,
            boolean onTime,
            boolean reworked,
            String satisfaction,
            double hours) {}

    /** A grid in force at the end of the year. */
    record Grid(String code, int level, String parent, String community) {}

    /** One served division's equal share of an effective contract. */
    record Share(
            String served,
            BigDecimal amount,
            LocalDate start,
            LocalDate end,
            int signedYear,
            String category,
            String project,
            String provider) {}

    static final List<String> STOCKS = List.of(
            "households",
            "resident_population",
            "fulltime_staff",
            "social_workers",
            "office_area_m2",
            "volunteers",
            "social_orgs",
            "consult_platforms");
    static final List<String> FLOWS =
            List.of("consult_meetings", "matters_public", "matters_livelihood", "matters_disputes");

    private static final Pattern EXTENDED_TO = Pattern.compile("延期至(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final Map<String, CommunityYear> communities = new HashMap<>();
    final List<Event> events = new ArrayList<>();
    final List<Grid> grids = new ArrayList<>();
    final List<Share> shares = new ArrayList<>();

    SampleTruth(Path sources, String gridUrl, String user, String password, int year) throws Exception {
        readReports(sources, year);
        try (Connection grid = DriverManager.getConnection(gridUrl, user, password)) {
            readEvents(sources, grid, year);
            readGrids(grid, year);
        }
        readContracts(sources);
    }

    /**
     * The clean values of rows staged from loaded files (not superseded by a resubmission, not
     * duplicates): the last period of the year gives the stocks, all periods add up to the flows.
     */
    private void readReports(Path sources, int year) throws Exception {
        Set<String> loaded = new HashSet<>();
        for (Map<String, String> file : records(sources.resolve("ground-truth/files.csv"))) {
            if (file.get("outcome").equals("loaded")) {
                loaded.add(file.get("file"));
            }
        }
        Map<String, String> lastPeriod = new HashMap<>();
        for (Map<String, String> r : records(sources.resolve("ground-truth/report-rows.csv"))) {
            if (!r.get("outcome").equals("staged")
                    || !loaded.contains(r.get("file"))
                    || !r.get("period").startsWith(String.valueOf(year))) {
                continue;
            }
            String code = r.get("community_code");
            CommunityYear c =
                    communities.computeIfAbsent(code, k -> new CommunityYear(k, new HashMap<>(), new HashMap<>()));
            for (String flow : FLOWS) {
                Double v = number(r.get(flow));
                if (v != null) {
                    c.flow().merge(flow, v, Double::sum);
                }
            }
            if (lastPeriod.containsKey(code) && lastPeriod.get(code).compareTo(r.get("period")) >= 0) {
                continue;
            }
            lastPeriod.put(code, r.get("period"));
            c.stock().clear();
            for (String stock : STOCKS) {
                c.stock().put(stock, number(r.get(stock)));
            }
        }
    }

    /**
     * Events of grid-events.csv reported in the year, staged, not voided and not on a grid missing from
     * the database, in the community the grid stands for; the flows in the grid database give registration, closure, the deadline
     * (the latest extension's, else the event's own), rework and hours to close.
     */
    private void readEvents(Path sources, Connection grid, int year) throws Exception {
        Map<String, List<String[]>> flows = new HashMap<>();
        Map<String, Object[]> vendor = new HashMap<>();
        try (Statement s = grid.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT event_id, action, acted_at, note FROM event_flow ORDER BY event_id, acted_at, seq")) {
            while (rs.next()) {
                flows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {
                    rs.getString(2), rs.getTimestamp(3).toLocalDateTime().format(TIME), rs.getString(4)
                });
            }
        }
        try (Statement s = grid.createStatement();
                ResultSet rs = s.executeQuery("SELECT event_id, deadline_at, satisfaction FROM event")) {
            while (rs.next()) {
                Timestamp deadline = rs.getTimestamp(2);
                vendor.put(
                        rs.getString(1),
                        new Object[] {deadline == null ? null : deadline.toLocalDateTime(), rs.getString(3)});
            }
        }
        for (Map<String, String> e : records(sources.resolve("ground-truth/grid-events.csv"))) {
            // an event on a grid the database does not hold yet becomes a fact only once the grid arrives
            if (!e.get("outcome").equals("staged")
                    || e.get("is_voided").equals("true")
                    || !e.get("reported_at").startsWith(String.valueOf(year))
                    || List.of(e.get("notes").split(";")).contains("orphan_grid")) {
                continue;
            }
            LocalDateTime registered = null;
            LocalDateTime closed = null;
            LocalDateTime deadline = (LocalDateTime) vendor.get(e.get("event_id"))[0];
            boolean reworked = false;
            for (String[] f : flows.getOrDefault(e.get("event_id"), List.of())) {
                LocalDateTime at = LocalDateTime.parse(f[1], TIME);
                switch (f[0]) {
                    case "立案" -> registered = registered == null ? at : registered;
                    case "结案" -> closed = at;
                    case "返工" -> reworked = true;
                    case "延期" -> {
                        Matcher m = EXTENDED_TO.matcher(f[2] == null ? "" : f[2]);
                        if (m.find()) {
                            deadline = LocalDateTime.parse(m.group(1), TIME);
                        }
                    }
                    default -> {}
                }
            }
            boolean isClosed = e.get("is_closed").equals("true");
            String rating = (String) vendor.get(e.get("event_id"))[1];
            events.add(new Event(
                    e.get("community_code"),
                    e.get("category_code"),
                    e.get("channel"),
                    e.get("is_registered").equals("true"),
                    isClosed,
                    isClosed && deadline != null && !closed.isAfter(deadline),
                    reworked,
                    rating != null && List.of("满意", "基本满意", "不满意").contains(rating) ? rating : null,
                    isClosed && registered != null
                            ? Duration.between(registered, closed).getSeconds() / 3600.0
                            : 0));
        }
    }

    /**
     * Grids the vendor database holds that were created before the year ended and not retired by then, in
     * the community they name, or else the first their parent chain names; a grid whose chain names none is left out.
     */
    private void readGrids(Connection grid, int year) throws Exception {
        Timestamp end = Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay());
        Map<String, String> parents = new HashMap<>();
        Map<String, String> named = new HashMap<>();
        List<Object[]> inForce = new ArrayList<>();
        try (Statement s = grid.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT grid_code, grid_level, parent_code, community_code, created_at, retired_at FROM grid")) {
            while (rs.next()) {
                parents.put(rs.getString(1), rs.getString(3));
                String community = rs.getString(4);
                if (community != null && !community.isBlank()) {
                    named.put(rs.getString(1), community);
                }
                Timestamp created = rs.getTimestamp(5);
                Timestamp retired = rs.getTimestamp(6);
                if ((created == null || created.before(end)) && (retired == null || !retired.before(end))) {
                    inForce.add(new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)});
                }
            }
        }
        for (Object[] g : inForce) {
            String code = (String) g[0];
            Set<String> seen = new HashSet<>();
            while (code != null && !named.containsKey(code) && seen.add(code)) {
                code = parents.get(code);
            }
            if (code != null && named.containsKey(code)) {
                grids.add(new Grid((String) g[0], (Integer) g[1], (String) g[2], named.get(code)));
            }
        }
    }

    /** Effective staged ledger rows, split equally to the cent among the served codes in code order. */
    private void readContracts(Path sources) throws Exception {
        Map<String, String> categories = serviceCategoryCodes();
        for (Map<String, String> r : records(sources.resolve("ground-truth/contracts.csv"))) {
            if (!r.get("outcome").equals("staged") || !r.get("superseded_by").isEmpty()) {
                continue;
            }
            long cents = new BigDecimal(r.get("amount_yuan")).movePointRight(2).longValueExact();
            String[] codes = r.get("served_codes").split(";");
            Arrays.sort(codes);
            for (int i = 0; i < codes.length; i++) {
                long share = cents / codes.length + (i < cents % codes.length ? 1 : 0);
                shares.add(new Share(
                        codes[i],
                        BigDecimal.valueOf(share, 2),
                        LocalDate.parse(r.get("service_start")),
                        LocalDate.parse(r.get("service_end")),
                        Integer.parseInt(r.get("signed_date").substring(0, 4)),
                        // a category outside the taxonomy counts under its other member, money kept
                        "other".equals(r.get("category_outcome"))
                                ? "other"
                                : categories.getOrDefault(r.get("category"), r.get("category")),
                        r.get("project_no"),
                        r.get("provider_credit_code")));
            }
        }
    }

    /** Service category name (and alias) → code, from the taxonomy Shequ ships. */
    private static Map<String, String> serviceCategoryCodes() throws Exception {
        Map<String, String> codes = new HashMap<>();
        try (InputStream in = SampleTruth.class
                        .getClassLoader()
                        .getResourceAsStream("reference/taxonomy/service-categories.csv");
                CSVParser parser = CSVParser.parse(
                        in,
                        StandardCharsets.UTF_8,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .build())) {
            for (CSVRecord r : parser) {
                codes.put(r.get("name_zh"), r.get("code"));
                for (String alias : r.get("aliases").split("\\|")) {
                    if (!alias.isEmpty()) {
                        codes.put(alias, r.get("code"));
                    }
                }
            }
        }
        return codes;
    }

    /** Codes of the NBS reference file: villages (12 digits) or streets (9 digits, padded to 12) under the prefix. */
    /** The 12-digit codes of {@code file} that start with {@code prefix}; each file is read once per JVM. */
    static List<String> divisions(String file, String prefix) throws Exception {
        List<String> codes = CODES.get(file);
        if (codes == null) {
            try (InputStream in = SampleTruth.class
                            .getClassLoader()
                            .getResourceAsStream("reference/nbs-divisions-2023/" + file);
                    BufferedReader r = new BufferedReader(
                            new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
                codes = r.lines()
                        .skip(1)
                        .map(l -> l.substring(0, l.indexOf(',')))
                        .map(c -> (c + "000").substring(0, 12))
                        .toList();
            }
            CODES.put(file, codes);
        }
        return codes.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    private static final Map<String, List<String>> CODES = new ConcurrentHashMap<>();

    private static Double number(String clean) {
        return clean == null || clean.isEmpty() ? null : Double.valueOf(clean);
    }

    /** A ground-truth CSV as maps by header (quoted cells allowed). */
    private static List<Map<String, String>> records(Path file) throws Exception {
        return GroundTruthCsv.read(file).stream().map(CSVRecord::toMap).toList();
    }
}
