package io.shequ.jobs.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Value accounting for one numeric field of one source file in one run, beside its row
 * accounting: the field's sum as read (every cell the typer could read as a number), as staged,
 * as quarantined, as it reached the lake and as published. {@code read = staged + quarantined}
 * must hold, and every difference further on must be explained by named rows; what is not is a
 * {@code problem}, an error-level finding that blocks the run.
 *
 * @param lakeColumn      the lake fact column carrying the field (the contract's {@code lake_column})
 * @param quarantinedRows the quarantined rows that carry a value, as {@code file:line value (rule)}
 * @param unparsed        cells the typer could not read as a number, as {@code file:line 'raw'}: in no sum
 * @param lake            the sum in the rows the lake step wrote for the file, null before it
 * @param notInLake       staged rows without a lake row (superseded, or quarantined by conform), as
 *                        {@code file:line value (why)}, with their sum in {@code notInLakeSum}
 * @param published       the sum in the published warehouse, null before publishing
 * @param problems        differences no named row explains: each an error-level finding
 */
public record ValueAccount(
        String source,
        String location,
        String field,
        String lakeColumn,
        BigDecimal read,
        BigDecimal staged,
        BigDecimal quarantined,
        List<String> quarantinedRows,
        List<String> unparsed,
        BigDecimal lake,
        BigDecimal notInLakeSum,
        List<String> notInLake,
        BigDecimal published,
        List<String> problems) {

    /** Rows named in a list at most; the sums always cover them all. */
    public static final int NAMED_ROWS = 50;

    public ValueAccount {
        quarantinedRows = List.copyOf(quarantinedRows);
        unparsed = List.copyOf(unparsed);
        notInLake = notInLake == null ? List.of() : List.copyOf(notInLake);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Staging's account of the field in one file; a broken identity is a problem. */
    public static ValueAccount staged(
            String source,
            String location,
            String field,
            String lakeColumn,
            BigDecimal read,
            BigDecimal staged,
            BigDecimal quarantined,
            List<String> quarantinedRows,
            List<String> unparsed) {
        ValueAccount a = new ValueAccount(
                source,
                location,
                field,
                lakeColumn,
                read,
                staged,
                quarantined,
                quarantinedRows,
                unparsed,
                null,
                null,
                null,
                null,
                null);
        return a.withProblemIf(
                read.compareTo(staged.add(quarantined)) != 0,
                "read " + plain(read) + " != staged " + plain(staged) + " + quarantined " + plain(quarantined));
    }

    /** After the check step took rows out: {@code stagedAfter} is what the staged data now sums to. */
    public ValueAccount afterCheck(BigDecimal stagedAfter, List<String> checkRows) {
        BigDecimal moved = staged.subtract(stagedAfter);
        return new ValueAccount(
                source,
                location,
                field,
                lakeColumn,
                read,
                stagedAfter,
                quarantined.add(moved),
                named(quarantinedRows, checkRows),
                unparsed,
                lake,
                notInLakeSum,
                notInLake,
                published,
                problems);
    }

    /** The lake's sum for the file, explained by the staged rows that reached no lake row. */
    public ValueAccount withLake(BigDecimal inLake, BigDecimal missingSum, List<String> missing) {
        ValueAccount a = new ValueAccount(
                source,
                location,
                field,
                lakeColumn,
                read,
                staged,
                quarantined,
                quarantinedRows,
                unparsed,
                inLake,
                missingSum,
                missing,
                published,
                problems);
        return a.withProblemIf(
                staged.compareTo(inLake.add(missingSum)) != 0,
                "staged " + plain(staged) + " != lake "
                        + plain(inLake) + " + rows not in the lake " + plain(missingSum) + " (unexplained "
                        + plain(staged.subtract(inLake).subtract(missingSum)) + ")");
    }

    /** The published warehouse's sum for the file; anything but the lake's sum is a problem. */
    public ValueAccount withPublished(BigDecimal inWarehouse) {
        ValueAccount a = new ValueAccount(
                source,
                location,
                field,
                lakeColumn,
                read,
                staged,
                quarantined,
                quarantinedRows,
                unparsed,
                lake,
                notInLakeSum,
                notInLake,
                inWarehouse,
                problems);
        return a.withProblemIf(
                lake != null && (inWarehouse == null || lake.compareTo(inWarehouse) != 0),
                "lake " + plain(lake) + " != published " + plain(inWarehouse));
    }

    /** The finding's text: file, field, both sums and what differs. */
    public String describe(String problem) {
        return location + ": " + field + " " + problem;
    }

    private ValueAccount withProblemIf(boolean broken, String problem) {
        if (!broken) {
            return this;
        }
        List<String> all = new ArrayList<>(problems);
        all.add(problem);
        return new ValueAccount(
                source,
                location,
                field,
                lakeColumn,
                read,
                staged,
                quarantined,
                quarantinedRows,
                unparsed,
                lake,
                notInLakeSum,
                notInLake,
                published,
                all);
    }

    static List<String> named(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        for (String row : more) {
            if (all.size() >= NAMED_ROWS) {
                break;
            }
            all.add(row);
        }
        return all;
    }

    static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
