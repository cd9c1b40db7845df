package io.shequ.schemas.contract;

import java.util.Locale;

/**
 * Why a row or a whole file went to quarantine, as a stable code: quarantine files, the run
 * summary, data-quality rules and the simulator's ground truth all use these codes, and the
 * human-readable reason beside them says the details (file, column, raw text).
 */
public enum RejectRule {
    // a whole file
    /** Not a readable XLSX or CSV: truncated, corrupt, a wrong file type or an undecodable encoding. */
    UNREADABLE_FILE,
    /** No bytes, or no rows at all. */
    EMPTY_FILE,
    /** No sheet has a header row naming every required column of the contract. */
    NO_HEADER,
    /** The street office cannot be told from the file name, title or folder. */
    UNKNOWN_STREET_OFFICE,
    /** The reporting period cannot be told from the file name, title or folder. */
    UNKNOWN_PERIOD,
    /** A hidden entry under a source folder (its name starts with a dot): not read. */
    HIDDEN_FILE,
    /** An office lock file (~$报表.xlsx) an open workbook leaves beside itself: not read. */
    LOCK_FILE,
    /** An entry of a kind Shequ does not read (.xls, .txt, .docx; a device, socket or pipe): not read. */
    UNSUPPORTED_FILE,
    /** A symbolic link whose target lies outside the source folder: not followed. */
    OUTSIDE_SOURCE,
    /** A symbolic link that leads back into a folder it lies in: not followed. */
    LINK_LOOP,

    // one row
    /** A required cell is empty. */
    REQUIRED_MISSING,
    /** A numeric cell holds text that is not a number. */
    NOT_A_NUMBER,
    /** A count or a measure is negative. */
    NEGATIVE_VALUE,
    /** A count has a fractional part. */
    NOT_WHOLE_NUMBER,
    /** A value beyond the contract's bounds, such as a population of a billion. */
    OUT_OF_RANGE,
    /** An amount that cannot be read as yuan. */
    INVALID_AMOUNT,
    /** A date cell that is not a date. */
    NOT_A_DATE,
    /**
     * A date that cannot be a real date in the source's context: before the contract's earliest
     * date (1949-10-01), more years after the run than the contract allows, or no day of the
     * calendar (2024-02-30), in a cell or in a file name.
     */
    IMPLAUSIBLE_DATE,
    /** A period cell that is not two dates in order. */
    NOT_A_PERIOD,
    /** A unified social credit code failing the GB 32100 check character. */
    INVALID_CREDIT_CODE,
    /** No longer raised: a value outside a taxonomy counts under its {@code other} member and is reported (kept so that old quarantine files still read). */
    UNKNOWN_CATEGORY,
    /** A key column (id, code) is missing. */
    MISSING_KEY,
    /** A value outside the vendor contract's value set (grid level, flow action). */
    INVALID_VALUE,
    /** A timestamp later than the moment of extraction. */
    FUTURE_TIMESTAMP,
    /** The same fact recorded twice under another key (a grid event's flow step under a second seq); one is kept. */
    DUPLICATE_ROW,
    /** A written community or served-area name that matches no NBS unit closely enough (conform). */
    UNRESOLVED_DIVISION,
    /** A written community, street or served-area name that could mean two or more NBS units (conform); the reason lists them. */
    AMBIGUOUS_DIVISION;

    /** The code as written in files: {@code not_a_number}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RejectRule ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
