package io.shequ.simulator;

import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.division.Division;
import io.shequ.schemas.period.ReportPeriod;
import io.shequ.simulator.SimulatedDistrict.Street;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One street office's report for one month or quarter as it will be written: its format, header
 * spellings, rows with what each cell means, and what the file says about itself (name, title,
 * folder), or how it is damaged.
 *
 * @param serial   a number unique within the district, for names that carry neither office nor period
 * @param revision empty for a first submission, "更正" for a corrected resubmission
 * @param fileMess the file and street mess kinds this file carries (report-csv, extra-sheet, duplicate-file ...)
 */
record StreetReport(
        Street street,
        ReportPeriod period,
        Format format,
        List<String> header,
        List<Line> lines,
        String filer,
        LocalDate filedOn,
        Identity identity,
        Damage damage,
        int serial,
        String revision,
        Set<MessKind> fileMess) {

    /** XLSX, or CSV in a charset, with or without a byte-order mark. */
    record Format(boolean xlsx, Charset charset, boolean bom) {
        String extension() {
            return xlsx ? "xlsx" : "csv";
        }

        String describe() {
            return xlsx ? "xlsx" : "csv-" + charset.name().toLowerCase(Locale.ROOT) + (bom ? "-bom" : "");
        }
    }

    /** Where the file says which office and period it is about. */
    enum Identity {
        /** 先锋路街道/先锋路街道_2023年01月社区工作月报.xlsx */
        FILE_NAME,
        /** 先锋路街道/2023-01.csv: the office only in the folder. */
        FOLDER,
        /** 来件/附件3_2023年01月社区工作月报.xlsx: the office only in the title row. */
        TITLE,
        /** Nowhere says the office: quarantined whole (unknown_street_office). */
        NO_OFFICE,
        /** Nowhere says the period: quarantined whole (unknown_period). */
        NO_PERIOD;

        boolean identifiable() {
            return this != NO_OFFICE && this != NO_PERIOD;
        }

        RejectRule rule() {
            return switch (this) {
                case NO_OFFICE -> RejectRule.UNKNOWN_STREET_OFFICE;
                case NO_PERIOD -> RejectRule.UNKNOWN_PERIOD;
                default -> null;
            };
        }
    }

    /** A file that cannot be read at all, with the rule staging quarantines it by. */
    enum Damage {
        NONE(null),
        TRUNCATED(RejectRule.UNREADABLE_FILE),
        EMPTY(RejectRule.EMPTY_FILE),
        NO_HEADER(RejectRule.NO_HEADER);

        final RejectRule rule;

        Damage(RejectRule rule) {
            this.rule = rule;
        }
    }

    /**
     * One cell of figures as written, and the value staging must make of it.
     *
     * @param written     the text in the cell; empty for an empty cell
     * @param numeric     written as a numeric XLSX cell rather than text
     * @param clean       the value staging yields; null for a placeholder
     * @param approximate written as an approximation (约300): staged with a note
     */
    record Cell(String written, boolean numeric, BigDecimal clean, boolean approximate) {
        static Cell number(BigDecimal value, boolean numeric) {
            return new Cell(value.toPlainString(), numeric, value, false);
        }

        static Cell placeholder(String text) {
            return new Cell(text, false, null, false);
        }

        /** A value that cannot be: the row is rejected, so no clean value. */
        static Cell bad(String text, boolean numeric) {
            return new Cell(text, numeric, null, false);
        }
    }

    /**
     * A community row. {@code badField} and {@code rule} are null for a row that should be staged;
     * {@code mess} names the row and cell mess kinds it carries.
     */
    record Line(
            Division community,
            String writtenName,
            List<Cell> cells,
            String badField,
            RejectRule rule,
            Set<MessKind> mess) {
        boolean bad() {
            return rule != null;
        }
    }

    boolean extraSheet() {
        return fileMess.contains(MessKind.EXTRA_SHEET);
    }

    /** Written a second time, byte for byte, under another name. */
    boolean copied() {
        return fileMess.contains(MessKind.DUPLICATE_FILE);
    }

    /** The rule staging quarantines the whole file by, or null when its rows are read. */
    RejectRule fileRule() {
        if (damage != Damage.NONE) {
            return damage.rule;
        }
        return identity.rule();
    }

    boolean quarterly() {
        return period.kind() == ReportPeriod.Kind.QUARTER;
    }

    /** 2023年01月 or 2023年第一季度, as a file name writes the period. */
    String periodWritten() {
        return quarterly()
                ? period.year() + "年第" + "一二三四".charAt(period.lastMonth() / 3 - 1) + "季度"
                : String.format("%d年%02d月", period.year(), period.firstMonth());
    }

    /** 2023年1月 or 2023年第一季度, as a title writes it. */
    String periodInTitle() {
        return quarterly() ? periodWritten() : period.year() + "年" + period.firstMonth() + "月";
    }

    String reportName() {
        return quarterly() ? "社区工作季报" : "社区工作月报";
    }

    /** The folder under the district's street-office folder, and the file name. */
    String relativePath() {
        String suffix = revision.isEmpty() ? "" : "(" + revision + ")";
        String extension = "." + format.extension();
        return switch (identity) {
            case FILE_NAME ->
                street.name() + "/" + street.name() + "_" + periodWritten() + reportName() + suffix + extension;
            case FOLDER ->
                street.name() + "/"
                        + (quarterly() ? periodWritten() : String.format("%d-%02d", period.year(), period.firstMonth()))
                        + suffix + extension;
            case TITLE, NO_OFFICE -> "来件/附件" + serial + "_" + periodWritten() + reportName() + suffix + extension;
            case NO_PERIOD -> street.name() + "/" + street.name() + "_" + reportName() + serial + suffix + extension;
        };
    }

    /** The title row above an XLSX header; it names the office and period only where the identity lets it. */
    String title(SimulatedDistrict district) {
        return switch (identity) {
            case NO_OFFICE -> periodInTitle() + reportName() + "表";
            case NO_PERIOD -> district.fullName() + street.name() + reportName() + "表";
            default -> district.fullName() + street.name() + periodInTitle() + reportName() + "表";
        };
    }
}
