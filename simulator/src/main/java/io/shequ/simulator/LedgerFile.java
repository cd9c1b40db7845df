package io.shequ.simulator;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One procurement-ledger file a district sends: the year's ledger or a later amendment
 * (更正) restating some projects under the same 项目编号.
 *
 * @param name       the file name, e.g. 市中区_2023年政府购买服务台账.xlsx
 * @param format     XLSX, or CSV in one charset
 * @param wanHeader  true when the amount column is headed 合同金额(万元): bare numbers are 万元
 * @param savedAt    the modification time, in China
 * @param groupHeadings XLSX: a merged group heading row above the header ({@link MessKind#MULTI_ROW_HEADER})
 * @param twoSheets  XLSX: the second half of the rows on a second sheet ({@link MessKind#LEDGER_SHEETS})
 */
record LedgerFile(
        String name,
        Format format,
        String title,
        boolean wanHeader,
        LocalDateTime savedAt,
        List<LedgerRow> rows,
        boolean groupHeadings,
        boolean twoSheets) {

    LedgerFile(
            String name, Format format, String title, boolean wanHeader, LocalDateTime savedAt, List<LedgerRow> rows) {
        this(name, format, title, wanHeader, savedAt, rows, false, false);
    }

    /** The same file sent again later with other rows. */
    LedgerFile resent(List<LedgerRow> otherRows, LocalDateTime later) {
        return new LedgerFile(name, format, title, wanHeader, later, otherRows, groupHeadings, twoSheets);
    }

    /** How the file is stored. */
    enum Format {
        XLSX("xlsx", null, false),
        CSV_UTF8("csv", StandardCharsets.UTF_8, false),
        CSV_UTF8_BOM("csv", StandardCharsets.UTF_8, true),
        CSV_GBK("csv", Charset.forName("GBK"), false);

        private final String extension;
        private final Charset charset;
        private final boolean bom;

        Format(String extension, Charset charset, boolean bom) {
            this.extension = extension;
            this.charset = charset;
            this.bom = bom;
        }

        String extension() {
            return extension;
        }

        Charset charset() {
            return charset;
        }

        boolean bom() {
            return bom;
        }
    }

    /** The header row; the amount column says 万元 when bare numbers are ten-thousands. */
    List<String> header() {
        List<String> header = new ArrayList<>(LedgerWriter.HEADER);
        if (wanHeader) {
            header.set(LedgerWriter.AMOUNT_COLUMN, LedgerWriter.HEADER.get(LedgerWriter.AMOUNT_COLUMN) + "(万元)");
        }
        return header;
    }
}
