package io.shequ.warehouse;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text {@code ./shequ explain} prints for an {@link IndicatorTrail}: the value and its
 * division path, what its rows add up to by source and by child division, one line per fact row
 * shown with its source file (or table) and row, and the arithmetic from the parts to the value.
 */
public final class IndicatorTrailText {

    /** Up to this many rows, the arithmetic spells out every term of the sums. */
    static final int TERMS_SPELLED_OUT = 12;

    private static final MathContext DIGITS = new MathContext(15);

    private IndicatorTrailText() {}

    /** The whole report, lines separated by {@code \n}, ending with the arithmetic. */
    public static String render(IndicatorTrail trail) {
        IndicatorValue value = trail.value();
        StringBuilder out = new StringBuilder();
        out.append(value.indicator());
        if (value.indicatorNameZh() != null && !value.indicatorNameZh().equals(value.indicator())) {
            out.append(" (")
                    .append(value.indicatorNameZh())
                    .append(" / ")
                    .append(value.indicatorNameEn())
                    .append(')');
        }
        out.append(", ")
                .append(value.year())
                .append(value.breakdown().isEmpty() ? ", headline" : ", breakdown " + value.breakdown())
                .append('\n');
        out.append("division: ")
                .append(value.divisionName())
                .append(' ')
                .append(value.divisionCode())
                .append(" (")
                .append(value.divisionLevel())
                .append(")\n");
        if (!trail.divisionPath().isEmpty()) {
            out.append("  ")
                    .append(trail.divisionPath().stream()
                            .map(d -> d.name() + " " + d.code())
                            .collect(Collectors.joining(" › ")))
                    .append('\n');
        }
        out.append("published: numerator ").append(plain(value.numerator()));
        if (value.denominator() != null) {
            out.append(", denominator ").append(plain(value.denominator()));
        }
        out.append(", value ")
                .append(plain(value.value()))
                .append(' ')
                .append(value.unit())
                .append("\n\n");
        boolean ratio = value.denominator() != null;
        appendSummary(trail.summary(), ratio, out);
        appendRows(trail, ratio, out);
        out.append('\n');
        appendArithmetic(trail, out);
        return out.toString();
    }

    private static void appendSummary(TrailSummary summary, boolean ratio, StringBuilder out) {
        out.append(summary.rows()).append(summary.rows() == 1 ? " contributing row" : " contributing rows");
        if (summary.rows() == 0) {
            out.append(" (nothing happened here: the value is 0)\n");
            return;
        }
        out.append(": numerator ").append(plain(summary.numerator()));
        if (ratio) {
            out.append(", denominator ").append(plain(summary.denominator()));
        }
        out.append('\n');
        appendGroups("by source", summary.bySource(), ratio, out);
        if (summary.byChild().size() > 1 || summary.byChild().stream().anyMatch(g -> g.name() != null)) {
            appendGroups("by division", summary.byChild(), ratio, out);
        }
    }

    private static void appendGroups(String title, List<TrailSummary.Group> groups, boolean ratio, StringBuilder out) {
        if (groups.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(":\n");
        List<String[]> table = new ArrayList<>();
        table.add(
                ratio
                        ? new String[] {"", "", "rows", "numerator", "denominator"}
                        : new String[] {"", "", "rows", "numerator"});
        for (TrailSummary.Group g : groups) {
            String name = g.name() == null ? "" : g.name();
            table.add(
                    ratio
                            ? new String[] {
                                g.key(), name, String.valueOf(g.rows()), plain(g.numerator()), plain(g.denominator())
                            }
                            : new String[] {g.key(), name, String.valueOf(g.rows()), plain(g.numerator())});
        }
        appendTable(table, out);
    }

    private static void appendRows(IndicatorTrail trail, boolean ratio, StringBuilder out) {
        List<LineageRow> rows = trail.rows();
        if (rows.isEmpty()) {
            return;
        }
        out.append('\n')
                .append(
                        trail.complete()
                                ? "rows:"
                                : "first " + rows.size() + " of "
                                        + trail.summary().rows() + " rows (--rows all or --format csv for every row):")
                .append('\n');
        List<String[]> table = new ArrayList<>();
        table.add(
                ratio
                        ? new String[] {"table", "key", "source", "row", "numerator", "denominator", "detail"}
                        : new String[] {"table", "key", "source", "row", "numerator", "detail"});
        for (LineageRow row : rows) {
            String source = row.source() == null ? "(not recorded)" : row.source();
            String line = row.sourceRow() == null ? "" : row.sourceRow();
            table.add(
                    ratio
                            ? new String[] {
                                row.factTable(),
                                row.factKey(),
                                source,
                                line,
                                plain(row.numeratorPart()),
                                plain(row.denominatorPart()),
                                row.detail()
                            }
                            : new String[] {
                                row.factTable(), row.factKey(), source, line, plain(row.numeratorPart()), row.detail()
                            });
        }
        appendTable(table, out);
    }

    private static void appendTable(List<String[]> table, StringBuilder out) {
        int[] widths = new int[table.get(0).length];
        for (String[] cells : table) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], width(cells[i]));
            }
        }
        for (String[] cells : table) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i] == null ? "" : cells[i];
                line.append(cell).append(" ".repeat(widths[i] - width(cell) + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static void appendArithmetic(IndicatorTrail trail, StringBuilder out) {
        IndicatorValue value = trail.value();
        BigDecimal numerator = trail.numeratorSum();
        List<BigDecimal> numerators = trail.complete()
                ? trail.rows().stream().map(LineageRow::numeratorPart).toList()
                : List.of();
        out.append("numerator   = ")
                .append(sum(numerators, trail.summary().rows(), numerator))
                .append('\n');
        if (value.denominator() != null) {
            BigDecimal denominator = trail.denominatorSum();
            List<BigDecimal> parts = trail.complete()
                    ? trail.rows().stream()
                            .map(LineageRow::denominatorPart)
                            .filter(p -> p != null && p.signum() != 0)
                            .toList()
                    : List.of();
            out.append("denominator = ")
                    .append(sum(parts, trail.summary().rows(), denominator))
                    .append('\n');
            long scale = scale(numerator, denominator, value.value());
            out.append("value       = ")
                    .append(plain(numerator))
                    .append(" / ")
                    .append(plain(denominator))
                    .append(scale == 1 ? "" : " × " + scale)
                    .append(" = ")
                    .append(plain(value.value()))
                    .append(' ')
                    .append(value.unit())
                    .append('\n');
        } else {
            out.append("value       = ").append(plain(numerator));
            if (Math.abs(numerator.doubleValue() - value.value()) > 1e-9) {
                out.append(" ≈ ").append(plain(value.value())).append(" (rounded)");
            }
            out.append(' ').append(value.unit()).append('\n');
        }
        if (!trail.addsUp()) {
            out.append("WARNING: the rows do not add up to the published numerator ")
                    .append(plain(value.numerator()))
                    .append(value.denominator() == null ? "" : " and denominator " + plain(value.denominator()))
                    .append('\n');
        }
    }

    /**
     * The power of ten a rate is published per (10,000 residents, 1,000 residents, 100 households),
     * read back from the published value so the printed arithmetic gives it; 1 for a plain ratio.
     */
    static long scale(BigDecimal numerator, BigDecimal denominator, Double value) {
        if (numerator.signum() == 0 || denominator.signum() == 0 || value == null) {
            return 1;
        }
        double ratio = numerator.doubleValue() / denominator.doubleValue();
        long scale = 1;
        while (scale < 1_000_000 && Math.abs(ratio * scale - value) > 1e-9 * Math.max(1.0, Math.abs(value))) {
            scale *= 10;
        }
        return scale < 1_000_000 ? scale : 1;
    }

    /** The sum spelled out term by term when there are few terms, else as a Σ over the rows. */
    private static String sum(List<BigDecimal> parts, long rows, BigDecimal total) {
        List<BigDecimal> terms = parts.stream().filter(p -> p.signum() != 0).toList();
        if (parts.isEmpty() && rows > 1) {
            return "Σ of " + rows + " rows = " + plain(total);
        }
        if (terms.size() < 2 || terms.size() > TERMS_SPELLED_OUT) {
            return (terms.size() > TERMS_SPELLED_OUT ? "Σ of " + terms.size() + " rows = " : "") + plain(total);
        }
        return terms.stream().map(IndicatorTrailText::plain).collect(Collectors.joining(" + ")) + " = " + plain(total);
    }

    static String plain(BigDecimal number) {
        if (number == null) {
            return "";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    static String plain(Double number) {
        return number == null ? "" : plain(new BigDecimal(number, DIGITS));
    }

    /** CJK characters take two terminal columns. */
    private static int width(String s) {
        if (s == null) {
            return 0;
        }
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return w;
    }
}
