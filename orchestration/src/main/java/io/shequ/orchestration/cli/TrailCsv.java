package io.shequ.orchestration.cli;

import io.shequ.warehouse.WarehouseReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Every fact row behind one indicator value as CSV, streamed from the warehouse row by row. */
final class TrailCsv {

    static final String[] HEADER = {
        "fact_table", "fact_key", "source", "source_row", "numerator_part", "denominator_part", "detail"
    };

    private TrailCsv() {}

    /** @return false if the value was not published (nothing is written then) */
    static boolean write(
            WarehouseReader reader, String indicator, String division, int year, String breakdown, PrintStream out) {
        try {
            CSVPrinter printer = new CSVPrinter(
                    out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build());
            boolean published = reader.eachTrailRow(indicator, division, year, breakdown, row -> {
                try {
                    printer.printRecord(
                            row.factTable(),
                            row.factKey(),
                            row.source(),
                            row.sourceRow(),
                            plain(row.numeratorPart()),
                            plain(row.denominatorPart()),
                            row.detail());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
            return published;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plain(BigDecimal number) {
        if (number == null) {
            return "";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
