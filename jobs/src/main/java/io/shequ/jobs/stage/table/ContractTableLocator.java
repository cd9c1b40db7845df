package io.shequ.jobs.stage.table;

import io.shequ.schemas.contract.HeaderMatch;
import io.shequ.schemas.contract.HeaderMatcher;
import io.shequ.schemas.contract.HeaderSpan;
import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.text.TypedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a source contract's tables in the sheets of a file: each sheet with a header (within its
 * first rows, under any title rows, over one or several rows) that names every required field.
 */
public final class ContractTableLocator {

    private static final int HEADER_SEARCH_ROWS = 15;
    private static final Pattern TOTAL = Pattern.compile("^(合计|总计|小计|全街道合计|总数)$");
    private static final Pattern FOOTER = Pattern.compile("^(填报人|填表人|填报日期|填表日期|制表|审核|负责人|单位负责人|联系电话|备注|说明|注[:：])");

    private final SourceContract contract;
    private final HeaderMatcher matcher;

    public ContractTableLocator(SourceContract contract) {
        this.contract = contract;
        this.matcher = new HeaderMatcher(contract);
    }

    /** Thrown when no sheet holds the contract's table; the message says what was missing. */
    public static final class TableNotFound extends Exception {
        private final RejectRule rule;

        public TableNotFound(RejectRule rule, String message) {
            super(message);
            this.rule = rule;
        }

        /** {@code empty_file} when no sheet has a non-blank row, else {@code no_header}. */
        public RejectRule rule() {
            return rule;
        }
    }

    /**
     * The contract's tables in every sheet of a file, in sheet order, and the sheets that hold
     * none (with what each lacks), so that no sheet is passed over without a word. Throws when
     * no sheet holds a table.
     */
    public LocatedTables locateAll(List<Sheet> sheets, String keyField) throws TableNotFound {
        List<LocatedTable> tables = new ArrayList<>();
        List<LocatedTables.SheetWithoutTable> misses = new ArrayList<>();
        for (Sheet sheet : sheets) {
            List<List<String>> firstRows = sheet.rows().stream()
                    .limit(HEADER_SEARCH_ROWS)
                    .map(SheetRow::cells)
                    .toList();
            Optional<HeaderSpan> header = matcher.findHeader(firstRows);
            if (header.isPresent()) {
                tables.add(split(sheet, header.get(), keyField));
            } else {
                misses.add(describeMiss(sheet, firstRows));
            }
        }
        if (!tables.isEmpty()) {
            return new LocatedTables(tables, misses);
        }
        boolean empty = sheets.stream().allMatch(s -> s.rows().stream().allMatch(SheetRow::isBlank));
        if (empty) {
            throw new TableNotFound(RejectRule.EMPTY_FILE, "the file holds no rows");
        }
        throw new TableNotFound(
                RejectRule.NO_HEADER,
                "no header row with the required columns of " + contract.name() + " in "
                        + String.join(
                                "; ",
                                misses.stream()
                                        .map(LocatedTables.SheetWithoutTable::message)
                                        .toList()));
    }

    private LocatedTables.SheetWithoutTable describeMiss(Sheet sheet, List<List<String>> firstRows) {
        HeaderMatch best = null;
        for (List<String> row : firstRows) {
            HeaderMatch match = matcher.examine(row);
            if (best == null
                    || match.missingRequired().size() < best.missingRequired().size()
                    || match.missingRequired().size() == best.missingRequired().size()
                            && match.mapping().columns().size()
                                    > best.mapping().columns().size()) {
                best = match;
            }
        }
        boolean blank = sheet.rows().stream().allMatch(SheetRow::isBlank);
        int fields = best == null ? 0 : best.mapping().columns().size();
        String missing = best == null ? "every required column" : String.join(", ", best.missingNames());
        String message = "sheet '" + sheet.name() + "' " + (blank ? "is empty" : "lacks " + missing);
        return new LocatedTables.SheetWithoutTable(sheet.name(), !blank && fields > 0, message);
    }

    private LocatedTable split(Sheet sheet, HeaderSpan span, String keyField) {
        List<SheetRow> rows = sheet.rows();
        SheetRow header = new SheetRow(rows.get(span.start()).line(), span.cells());
        var mapping = span.match().mapping();
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < span.start(); i++) {
            rows.get(i).cells().stream()
                    .filter(c -> !c.isBlank())
                    .findFirst()
                    .ifPresent(c -> title.append(c).append(' '));
        }
        int keyColumn = mapping.columnOf(keyField).orElseThrow();
        List<SheetRow> data = new ArrayList<>();
        int nonData = 0;
        for (int i = span.end(); i < rows.size(); i++) {
            SheetRow row = rows.get(i);
            if (isNonData(row, keyColumn)) {
                nonData++;
            } else {
                data.add(row);
            }
        }
        return new LocatedTable(sheet.name(), title.toString().strip(), header, span.rows(), mapping, data, nonData);
    }

    private static boolean isNonData(SheetRow row, int keyColumn) {
        if (row.isBlank()) {
            return true;
        }
        String key = TypedText.compact(row.cell(keyColumn));
        if (key != null && TOTAL.matcher(key).matches()) {
            return true;
        }
        String first = row.cells().stream()
                .filter(c -> !c.isBlank())
                .findFirst()
                .map(TypedText::compact)
                .orElse("");
        return FOOTER.matcher(first).find();
    }
}
