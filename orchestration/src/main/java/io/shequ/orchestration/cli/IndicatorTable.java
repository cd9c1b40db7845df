package io.shequ.orchestration.cli;

import io.shequ.jobs.run.RunLedger;
import io.shequ.warehouse.IndicatorValue;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints headline indicators (breakdown '') one division per line, or all rows in long form as
 * CSV or JSON lines for machines.
 */
public final class IndicatorTable {

    /** The headline indicators the table shows, in order, with their column titles. */
    public static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("units", "units 单位数");
        COLUMNS.put("staff_avg", "staff_avg 人/社区");
        COLUMNS.put("volunteer_rate", "volunteer_rate");
        COLUMNS.put("purchase", "purchase 元");
        COLUMNS.put("close_rate", "close_rate");
    }

    private IndicatorTable() {}

    /** The text a headline cell shows; the integration test compares these with ground truth. */
    public static String format(String indicator, Double value) {
        if (value == null) {
            return "-";
        }
        return switch (indicator) {
            case "units" -> String.format(Locale.ROOT, "%.0f", value);
            case "staff_avg" -> String.format(Locale.ROOT, "%.2f", value);
            case "volunteer_rate", "close_rate" -> String.format(Locale.ROOT, "%.2f%%", value * 100);
            case "purchase" -> String.format(Locale.ROOT, "%.2f", value);
            default -> String.valueOf(value);
        };
    }

    public static void printTable(List<IndicatorValue> values, PrintStream out) {
        Map<String, Map<String, Double>> byDivision = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (IndicatorValue v : values) {
            if (!v.breakdown().isEmpty() || !COLUMNS.containsKey(v.indicator())) {
                continue;
            }
            String key = v.year() + "|" + v.divisionLevel() + "|" + v.divisionCode();
            names.put(key, v.divisionName());
            byDivision.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(v.indicator(), v.value());
        }
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("year", "level", "code", "name"));
        header.addAll(COLUMNS.values());
        rows.add(header.toArray(String[]::new));
        byDivision.forEach((key, cells) -> {
            String[] k = key.split("\\|");
            List<String> row = new ArrayList<>(List.of(k[0], k[1], k[2], names.get(key)));
            COLUMNS.keySet().forEach(ind -> row.add(format(ind, cells.get(ind))));
            rows.add(row.toArray(String[]::new));
        });
        int[] widths = new int[header.size()];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], displayWidth(r[i]));
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]).append(" ".repeat(widths[i] - displayWidth(r[i]) + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    public static void printCsv(List<IndicatorValue> values, PrintStream out) {
        out.println(
                "year,division_code,division_level,division_name,indicator,breakdown,numerator,denominator,value,unit,"
                        + "division_level_zh,indicator_name_zh,indicator_name_en");
        for (IndicatorValue v : values) {
            out.println(String.join(
                    ",",
                    String.valueOf(v.year()),
                    v.divisionCode(),
                    v.divisionLevel(),
                    csv(v.divisionName()),
                    v.indicator(),
                    csv(v.breakdown()),
                    num(v.numerator()),
                    num(v.denominator()),
                    num(v.value()),
                    csv(v.unit()),
                    csv(v.divisionLevelZh()),
                    csv(v.indicatorNameZh()),
                    csv(v.indicatorNameEn())));
        }
    }

    public static void printJson(List<IndicatorValue> values, PrintStream out) throws Exception {
        out.println(RunLedger.JSON.writeValueAsString(values));
    }

    private static String num(Double d) {
        return d == null
                ? ""
                : new BigDecimal(d)
                        .round(MathContext.DECIMAL64)
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** CJK characters take two terminal columns. */
    private static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return w;
    }
}
