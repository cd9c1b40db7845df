package io.shequ.orchestration.simulator;

import io.shequ.orchestration.simulator.SimulatedDistrict.Street;
import io.shequ.schemas.division.Division;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

/** One street office's report for one month, as it will be written, with what each row means. */
record StreetReport(Street street, int year, int month, Format format, List<Line> lines,
                    String filer, LocalDate filedOn) {

    /** XLSX, or CSV in a charset, with or without a byte-order mark. */
    record Format(boolean xlsx, Charset charset, boolean bom) {
        String extension() {
            return xlsx ? "xlsx" : "csv";
        }
    }

    /**
     * One cell of figures: a number (written as a numeric cell unless {@code asText}) or text
     * (a placeholder or a bad value); empty text is an empty cell.
     */
    record Cell(BigDecimal number, String text, boolean asText) {
        static Cell number(BigDecimal value, boolean asText) {
            return new Cell(value, null, asText);
        }

        static Cell text(String text) {
            return new Cell(null, text, true);
        }

        String written() {
            return number != null ? number.toPlainString() : text;
        }
    }

    /** A community row; {@code badColumn} and {@code reason} are null for a row that should be staged. */
    record Line(Division community, String writtenName, List<Cell> cells, String badColumn, String reason) {
        boolean bad() {
            return badColumn != null;
        }
    }

    String fileName() {
        return String.format("%s_%d年%02d月社区工作月报.%s", street.name(), year, month, format.extension());
    }

    String period() {
        return String.format("%d-%02d", year, month);
    }
}
