package io.shequ.simulator;

import java.util.Locale;

/**
 * Every kind of mess the simulator can put into the sources, each with the rate it has at the
 * {@code typical} level and what that rate counts (files, rows, cells, events).
 */
public enum MessKind {
    // street-office reports: whole files
    /** Offices send CSV (UTF-8 with or without BOM, GBK, GB18030) rather than XLSX; per street. */
    REPORT_CSV(0.4, "street"),
    /** A street reports quarterly (2023年第一季度) rather than monthly; per street. */
    QUARTERLY_REPORTS(0.1, "street"),
    /** The file name does not say the office or period: the title row or the folder does; per file. */
    IDENTITY_ELSEWHERE(0.15, "file"),
    /** Another sheet (说明, 填表说明) comes before the table; per XLSX file. */
    EXTRA_SHEET(0.2, "file"),
    /** An office spells its headers its own way (社区 / 居委会名称, 总户数, 常住人口数 ...); per street. */
    HEADER_ALIASES(0.5, "street"),
    /** A corrected resubmission for the same office and period arrives later; per file. */
    RESUBMISSION(0.03, "file"),
    /** The same bytes arrive twice under another name; per file. */
    DUPLICATE_FILE(0.02, "file"),
    /** A file that cannot be read: truncated XLSX, empty, no recognisable header; per file. */
    UNREADABLE_FILE(0.01, "file"),
    /** A file whose office or period cannot be told from its name, title or folder; per file. */
    UNIDENTIFIABLE_FILE(0.01, "file"),

    // street-office reports: cells and rows
    /** Full-width digits and spaces; per cell. */
    FULL_WIDTH(0.03, "cell"),
    /** Thousands separators (1,234); per cell of a number over 999. */
    THOUSANDS_SEPARATOR(0.1, "cell"),
    /** A unit in the cell (320㎡, 1.2万, 56人); per cell. */
    UNIT_IN_CELL(0.03, "cell"),
    /** An approximation (约300, 300余); per cell. */
    APPROXIMATE(0.01, "cell"),
    /** A placeholder (—, /, 暂无, 无, blank) meaning not reported; per cell. */
    PLACEHOLDER(0.01, "cell"),
    /** A community name with another suffix, the street prefixed, or stray spaces; per row. */
    NAME_VARIANT(0.3, "row"),
    /** A value that cannot be: negative, not a number, a population of a billion; per row (rejected). */
    BAD_VALUE(0.02, "row"),

    // procurement ledgers
    /** A district keeps its ledger as CSV (UTF-8, UTF-8 with BOM or GBK) rather than XLSX; per ledger file. */
    LEDGER_CSV(0.3, "file"),
    /** Amounts written as 20万元, 200,000元, 贰拾万元整, or bare under a (万元) header; per row. */
    AMOUNT_FORMS(0.5, "row"),
    /** Dates as 2017.3.1, 2017年3月1日, 2017/03/01, Excel serials, or 2017-03; per row. */
    DATE_FORMS(0.4, "row"),
    /** Credit codes in lower case or with spaces (still valid once normalised); per row. */
    CREDIT_CODE_FORMS(0.1, "row"),
    /** Served communities with other separators, 全街道, XX街道各社区; per row. */
    SERVED_FORMS(0.3, "row"),
    /** A ledger row that cannot be used: invalid credit-code check character, unreadable amount; per row (rejected). */
    BAD_LEDGER_ROW(0.04, "row"),
    /** An amendment file restates a project with the same 项目编号; per contract. */
    AMENDMENT(0.1, "contract"),

    // grid-system database
    /** An event names a grid the grid table does not have yet; per event. */
    ORPHAN_GRID(0.01, "event"),
    /** Flow rows whose seq order disagrees with their times; per event. */
    FLOW_OUT_OF_ORDER(0.03, "event"),
    /** A flow step recorded twice; per event. */
    FLOW_DUPLICATED(0.02, "event"),
    /** A reporter ID number with a wrong check character; per event with an ID number. */
    INVALID_ID_NUMBER(0.02, "event"),
    /** A malformed reporter phone number; per event. */
    MALFORMED_PHONE(0.02, "event"),
    /** A reported time later than the extraction; per event (rejected). */
    FUTURE_TIMESTAMP(0.005, "event"),

    // mess the pipeline was never shown: off at every level, set a rate to write it
    /** The matters columns with a verb, unit or spacing from {@link Novelties}, and a column naming no field; per street. */
    NOVEL_HEADERS(0, "street"),
    /** A service category from {@link Novelties} outside the taxonomy (counted under other, money kept); per row. */
    NOVEL_CATEGORIES(0, "row"),
    /** A signed date of 0000-01-01, 1900-01-01 or 9999-12-31 (rejected as implausible_date); per row. */
    IMPLAUSIBLE_DATES(0, "row"),
    /** Served names joined by 及, 和, 与, ／, ； or a space, the first with its street's name before it; per row. */
    SERVED_CONJUNCTIONS(0, "row"),
    /** An XLSX ledger with a merged group heading row over its sub-columns; per file. */
    MULTI_ROW_HEADER(0, "file"),
    /** An XLSX ledger with its contracts on two sheets; per file. */
    LEDGER_SHEETS(0, "file"),
    /** The ledger is sent again later without two contracts (written under resent/); per ledger. */
    LEDGER_RESENT(0, "file"),
    /** A community's unit grids (level 3) with an empty community_code: their block's chain names it; per community. */
    DEEP_GRIDS(0, "community"),
    /** A hidden file, a link out of the source folder and a link loop in the procurement folder; per sample. */
    STRAY_ENTRIES(0, "sample");

    private final double typicalRate;
    private final String per;

    MessKind(double typicalRate, String per) {
        this.typicalRate = typicalRate;
        this.per = per;
    }

    public double typicalRate() {
        return typicalRate;
    }

    /** What the rate counts: street, file, cell, row, contract or event. */
    public String per() {
        return per;
    }

    /** The option spelling: {@code bad-value}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MessKind ofOption(String option) {
        return valueOf(option.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
