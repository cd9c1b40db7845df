package io.shequ.jobs.stage.table;

import io.shequ.jobs.value.ValueAccount;
import io.shequ.schemas.contract.FieldSpec;
import io.shequ.schemas.contract.FieldType;
import io.shequ.schemas.value.AmountUnit;
import io.shequ.schemas.value.CellNumber;
import io.shequ.schemas.value.ChineseAmount;
import io.shequ.schemas.value.ParsedAmount;
import io.shequ.schemas.value.ParsedNumber;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The numbers in the numeric cells of a contract table's raw rows as the typer reads them, before
 * any rule keeps or rejects the row: the "as read" side of value accounting. Read on the driver
 * from the rows staging already holds there, so no dataset is scanned again. A cell that holds no
 * number the typer can read (not a number, an invalid amount) is in no sum and is named instead.
 */
final class NumericReadings {

    /** One quarantined row as read back from the quarantine: where it was and the rule it broke. */
    record QuarantinedRow(String location, String sheet, String line, String rule) {}

    private final List<FieldSpec> fields;
    private final Map<String, BigDecimal[]> readByFile = new TreeMap<>();
    private final Map<String, List<List<String>>> unparsedByFile = new HashMap<>();
    private final Map<String, BigDecimal[]> byRow = new HashMap<>();

    private final StructType schema;

    /** @param schema the raw rows' columns (the rows themselves carry none) */
    NumericReadings(List<FieldSpec> numericFields, StructType schema) {
        this.fields = List.copyOf(numericFields);
        this.schema = schema;
    }

    private <T> T get(Row raw, String column) {
        return raw.getAs(schema.fieldIndex(column));
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    List<String> fieldNames() {
        return fields.stream().map(FieldSpec::name).toList();
    }

    /** Reads one raw row (columns {@code source_file}, {@code source_sheet}, {@code source_line}, the fields, {@code amount_unit}). */
    void read(Row raw) {
        String file = get(raw, "source_file");
        String unitText = get(raw, "amount_unit");
        AmountUnit unit = unitText == null ? AmountUnit.YUAN : AmountUnit.valueOf(unitText);
        BigDecimal[] sums = readByFile.computeIfAbsent(file, f -> zeros(fields.size()));
        BigDecimal[] values = new BigDecimal[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            String text = get(raw, fields.get(i).name());
            Reading reading = read(fields.get(i).type(), text, unit);
            if (reading.unreadable()) {
                int line = this.<Integer>get(raw, "source_line");
                unparsedByFile
                        .computeIfAbsent(file, f -> empties(fields.size()))
                        .get(i)
                        .add(file + ":" + line + " '" + text.strip() + "'");
            } else if (reading.value() != null) {
                values[i] = reading.value();
                sums[i] = sums[i].add(reading.value());
            }
        }
        byRow.put(
                rowKey(file, get(raw, "source_sheet"), String.valueOf(this.<Integer>get(raw, "source_line"))), values);
    }

    /**
     * Each file's account per numeric field.
     *
     * @param staged      file → sums of the staged rows, in {@link #fieldNames()} order
     * @param quarantined the rows staging quarantined (row-level, not whole files)
     */
    List<ValueAccount> accounts(String source, Map<String, BigDecimal[]> staged, List<QuarantinedRow> quarantined) {
        Map<String, BigDecimal[]> quarantinedSums = new HashMap<>();
        Map<String, List<List<String>>> named = new HashMap<>();
        for (QuarantinedRow q : quarantined) {
            BigDecimal[] values = byRow.get(rowKey(q.location(), q.sheet(), q.line()));
            if (values == null) {
                continue; // a row of a sheet refused whole: never typed, so never read as a number
            }
            BigDecimal[] sums = quarantinedSums.computeIfAbsent(q.location(), f -> zeros(fields.size()));
            List<List<String>> rows = named.computeIfAbsent(q.location(), f -> empties(fields.size()));
            for (int i = 0; i < fields.size(); i++) {
                if (values[i] != null) {
                    sums[i] = sums[i].add(values[i]);
                    if (rows.get(i).size() < ValueAccount.NAMED_ROWS) {
                        rows.get(i)
                                .add(q.location() + ":" + q.line() + " " + values[i].toPlainString() + " (" + q.rule()
                                        + ")");
                    }
                }
            }
        }
        List<ValueAccount> accounts = new ArrayList<>();
        readByFile.forEach((file, read) -> {
            for (int i = 0; i < fields.size(); i++) {
                List<String> unparsed = unparsedByFile
                        .getOrDefault(file, empties(fields.size()))
                        .get(i);
                accounts.add(ValueAccount.staged(
                        source,
                        file,
                        fields.get(i).name(),
                        fields.get(i).lakeColumn(),
                        read[i],
                        staged.getOrDefault(file, zeros(fields.size()))[i],
                        quarantinedSums.getOrDefault(file, zeros(fields.size()))[i],
                        named.getOrDefault(file, empties(fields.size())).get(i),
                        unparsed.subList(0, Math.min(unparsed.size(), ValueAccount.NAMED_ROWS))));
            }
        });
        return accounts;
    }

    private record Reading(BigDecimal value, boolean unreadable) {}

    /** The number the typer reads from a cell, kept at the scale it stores, whatever the field's bounds. */
    private static Reading read(FieldType type, String text, AmountUnit unit) {
        if (text == null || text.isBlank()) {
            return new Reading(null, false);
        }
        if (type == FieldType.AMOUNT) {
            ParsedAmount amount = ChineseAmount.parseExact(text, unit);
            return amount.isValid()
                    ? new Reading(amount.yuan().setScale(2, RoundingMode.HALF_UP), false)
                    : new Reading(null, true);
        }
        ParsedNumber number = type == FieldType.COUNT ? CellNumber.parseCount(text) : CellNumber.parseArea(text);
        return switch (number.outcome()) {
            case VALUE ->
                new Reading(
                        type == FieldType.COUNT
                                ? number.value()
                                : number.value().setScale(2, RoundingMode.HALF_UP),
                        false);
            case NULL_PLACEHOLDER -> new Reading(null, false);
            default -> new Reading(null, true);
        };
    }

    private static String rowKey(String file, String sheet, String line) {
        return file + "\u0000" + sheet + "\u0000" + line;
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static List<List<String>> empties(int n) {
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }
}
