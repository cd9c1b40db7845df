package io.shequ.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * How a ledger writes its dates. {@link #ISO} is the clean form; the others are
 * {@link MessKind#DATE_FORMS}. A row writes its signed date and its service period in one form;
 * a serial or month-precision signed date leaves the period in ISO (a period is text).
 */
enum DateForm {
    /** 2017-03-01. */
    ISO,
    /** 2017.3.1. */
    DOTTED,
    /** 2017年3月1日. */
    CHINESE,
    /** 2017/03/01. */
    SLASHED,
    /** An Excel serial: a date-formatted numeric cell in XLSX, the bare number in CSV. */
    SERIAL,
    /** 2017-03: only the month is known. */
    MONTH;

    static final List<DateForm> MESSY = List.of(DOTTED, CHINESE, SLASHED, SERIAL, MONTH);

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The signed-date cell. */
    WrittenCell signed(LocalDate date) {
        return switch (this) {
            case SERIAL -> WrittenCell.date(serial(date));
            case MONTH -> WrittenCell.text(String.format("%d-%02d", date.getYear(), date.getMonthValue()));
            default -> WrittenCell.text(text(date));
        };
    }

    /** The service-period cell, start至end. */
    WrittenCell period(LocalDate start, LocalDate end) {
        DateForm form = this == SERIAL || this == MONTH ? ISO : this;
        return WrittenCell.text(form.text(start) + "至" + form.text(end));
    }

    /** The precision the signed date keeps: month or day. */
    String precision() {
        return this == MONTH ? "month" : "day";
    }

    /** The signed date at that precision, as ISO-8601 text: 2017-03-01 or 2017-03. */
    String truth(LocalDate date) {
        return this == MONTH ? String.format("%d-%02d", date.getYear(), date.getMonthValue()) : date.toString();
    }

    static long serial(LocalDate date) {
        return ChronoUnit.DAYS.between(EXCEL_EPOCH, date);
    }

    private String text(LocalDate d) {
        return switch (this) {
            case DOTTED -> d.getYear() + "." + d.getMonthValue() + "." + d.getDayOfMonth();
            case CHINESE -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            case SLASHED -> String.format("%d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            default -> d.toString();
        };
    }
}
