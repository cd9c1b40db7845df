package io.shequ.orchestration.it;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Indicator values computed straight from the sample's ground truth (clean report values), the grid
 * database and the NBS reference file, without any pipeline code: the ground truth the published warehouse must match.
 */
final class SampleTruth {

    /** The last staged report of each community: code → [staff, residents, volunteers] (null = not reported). */
    final Map<String, Long[]> lastReports = new HashMap<>();
    final Map<String, boolean[]> events = new HashMap<>(); // event id → {registered, closed} with community in key
    final List<String[]> eventCommunities = new ArrayList<>();
    final List<Object[]> contractShares = new ArrayList<>(); // {served code, BigDecimal share, start, end}

    SampleTruth(Path sources, String gridUrl, String user, String password, int year) throws Exception {
        readReports(sources);
        readEvents(gridUrl, user, password, year);
        readContracts(sources);
    }

    /**
     * The clean values of the ground truth (never the pipeline's tables): rows staged from files that
     * are loaded (not superseded by a resubmission, not duplicates), the last period of each community.
     */
    private void readReports(Path sources) throws Exception {
        java.util.Set<String> loaded = new java.util.HashSet<>();
        for (Map<String, String> file : records(sources.resolve("ground-truth/files.csv"))) {
            if (file.get("outcome").equals("loaded")) {
                loaded.add(file.get("file"));
            }
        }
        Map<String, String> lastPeriod = new HashMap<>();
        for (Map<String, String> r : records(sources.resolve("ground-truth/report-rows.csv"))) {
            if (!r.get("outcome").equals("staged") || !loaded.contains(r.get("file"))) {
                continue;
            }
            String code = r.get("community_code");
            if (lastPeriod.containsKey(code) && lastPeriod.get(code).compareTo(r.get("period")) >= 0) {
                continue;
            }
            lastPeriod.put(code, r.get("period"));
            lastReports.put(code, new Long[] {number(r.get("fulltime_staff")), number(r.get("resident_population")),
                    number(r.get("volunteers"))});
        }
    }

    private static Long number(String clean) {
        return clean.isEmpty() ? null : Long.valueOf(clean);
    }

    /** A ground-truth CSV as maps by header (quoted cells allowed). */
    private static List<Map<String, String>> records(Path file) throws Exception {
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(file, StandardCharsets.UTF_8,
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (org.apache.commons.csv.CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        }
    }

    private void readEvents(String url, String user, String password, int year) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT e.event_id, g.community_code,
                            MAX(CASE WHEN f.action = '立案' THEN 1 ELSE 0 END),
                            MAX(CASE WHEN f.action = '结案' THEN 1 ELSE 0 END),
                            MAX(CASE WHEN f.action = '作废' THEN 1 ELSE 0 END)
                     FROM event e JOIN grid g ON g.grid_code = e.grid_code
                     LEFT JOIN event_flow f ON f.event_id = e.event_id
                     WHERE EXTRACT(YEAR FROM e.reported_at) = %d
                     GROUP BY e.event_id, g.community_code""".formatted(year))) {
            while (rs.next()) {
                boolean voided = rs.getInt(5) == 1;
                if (!voided && rs.getInt(3) == 1) {
                    eventCommunities.add(new String[] {rs.getString(2), rs.getInt(4) == 1 ? "closed" : "open"});
                }
            }
        }
    }

    private void readContracts(Path sources) throws Exception {
        List<String[]> rows = csv(sources.resolve("ground-truth/contracts.csv"));
        for (String[] r : rows) {
            // r[14] superseded_by: an amendment file's row with the same 项目编号 replaces this one
            if (!r[3].equals("staged") || (r.length > 14 && !r[14].isEmpty())) {
                continue;
            }
            long cents = new BigDecimal(r[5]).movePointRight(2).longValueExact();
            String[] codes = r[7].split(";");
            java.util.Arrays.sort(codes);
            for (int i = 0; i < codes.length; i++) {
                long share = cents / codes.length + (i < cents % codes.length ? 1 : 0);
                contractShares.add(new Object[] {codes[i], BigDecimal.valueOf(share, 2), LocalDate.parse(r[11]), LocalDate.parse(r[12])});
            }
        }
    }

    /** Every village-level unit in the NBS reference file under the prefix. */
    static long units(String prefix) throws Exception {
        try (InputStream in = SampleTruth.class.getClassLoader().getResourceAsStream("reference/nbs-divisions-2023/villages.csv.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            return r.lines().skip(1).filter(l -> l.startsWith(prefix)).count();
        }
    }

    Double staffAvg(Predicate<String> within) {
        long sum = 0;
        long n = 0;
        for (var e : lastReports.entrySet()) {
            if (within.test(e.getKey()) && e.getValue()[0] != null) {
                sum += e.getValue()[0];
                n++;
            }
        }
        return n == 0 ? null : (double) sum / n;
    }

    Double volunteerRate(Predicate<String> within) {
        long volunteers = 0;
        long residents = 0;
        for (var e : lastReports.entrySet()) {
            Long[] v = e.getValue();
            if (within.test(e.getKey()) && v[2] != null && v[1] != null && v[1] > 0) {
                volunteers += v[2];
                residents += v[1];
            }
        }
        return residents == 0 ? null : (double) volunteers / residents;
    }

    Double closeRate(Predicate<String> within) {
        long registered = eventCommunities.stream().filter(e -> within.test(e[0])).count();
        long closed = eventCommunities.stream().filter(e -> within.test(e[0]) && e[1].equals("closed")).count();
        return registered == 0 ? null : (double) closed / registered;
    }

    BigDecimal purchase(Predicate<String> within, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        BigDecimal total = BigDecimal.ZERO;
        for (Object[] s : contractShares) {
            if (!within.test((String) s[0])) {
                continue;
            }
            LocalDate start = (LocalDate) s[2];
            LocalDate end = (LocalDate) s[3];
            long all = ChronoUnit.DAYS.between(start, end) + 1;
            LocalDate from = start.isAfter(first) ? start : first;
            LocalDate to = end.isBefore(last) ? end : last;
            long inYear = to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
            total = total.add(((BigDecimal) s[1]).multiply(BigDecimal.valueOf(inYear)).divide(BigDecimal.valueOf(all), 10, RoundingMode.HALF_UP));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    private static List<String[]> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(fields(l));
        }
        return rows;
    }

    /** The fields of one CSV line; a field with a comma (served names such as 甲社区,乙社区) is quoted. */
    private static String[] fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
