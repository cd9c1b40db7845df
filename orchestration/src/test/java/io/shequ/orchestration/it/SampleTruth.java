package io.shequ.orchestration.it;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Indicator values computed straight from the generated sample files, the grid database and the
 * NBS reference file, without any pipeline code: the ground truth the published warehouse must match.
 */
final class SampleTruth {

    private static final int RESIDENTS = 3;
    private static final int STAFF = 4;
    private static final int VOLUNTEERS = 7;

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

    private void readReports(Path sources) throws Exception {
        Map<String, String> lastPeriod = new HashMap<>();
        Map<String, Workbook> books = new HashMap<>();
        for (String[] r : csv(sources.resolve("ground-truth/report-rows.csv"))) {
            if (!r[6].equals("staged")) {
                continue;
            }
            String code = r[4];
            if (lastPeriod.containsKey(code) && lastPeriod.get(code).compareTo(r[5]) >= 0) {
                continue;
            }
            List<String> cells = cells(sources.resolve(r[0]), Integer.parseInt(r[1]), books);
            lastPeriod.put(code, r[5]);
            lastReports.put(code, new Long[] {number(cells.get(STAFF)), number(cells.get(RESIDENTS)), number(cells.get(VOLUNTEERS))});
        }
        for (Workbook b : books.values()) {
            b.close();
        }
    }

    private static List<String> cells(Path file, int line, Map<String, Workbook> books) throws Exception {
        if (file.toString().endsWith(".csv")) {
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                text = new String(bytes, Charset.forName("GB18030"));
            }
            String row = text.replace("\uFEFF", "").split("\r?\n")[line - 1];
            return List.of(row.split(",", -1));
        }
        Workbook book = books.computeIfAbsent(file.toString(), f -> {
            try (InputStream in = Files.newInputStream(file)) {
                return WorkbookFactory.create(in);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Row row = book.getSheetAt(0).getRow(line - 1);
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                    ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString() : cell.getStringCellValue());
        }
        return out;
    }

    private static Long number(String text) {
        String t = text.strip();
        return t.matches("\\d+") ? Long.valueOf(t) : null;
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
            if (!r[3].equals("staged")) {
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
            rows.add(l.split(",", -1));
        }
        return rows;
    }
}
