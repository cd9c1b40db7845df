package io.shequ.simulator;

import io.shequ.schemas.contract.RejectRule;
import java.util.List;
import java.util.Locale;

/**
 * One row of a procurement ledger: the contract it states and how it is written.
 *
 * @param writtenCreditCode the provider's code as written (a wrong check character when the
 *                          rule is {@link RejectRule#INVALID_CREDIT_CODE})
 * @param rule              why the row must be quarantined, null for a good row
 * @param supersededBy      the name of the amendment file that restates this row, null if none
 * @param implausibleSigned the signed date written instead of the true one ({@link MessKind#IMPLAUSIBLE_DATES},
 *                          e.g. 0000-01-01), null for the true one
 * @param novelCategory     true when the category is one of {@link Novelties#serviceCategories()}: counted under other
 */
record LedgerRow(
        ServiceContract contract,
        String writtenCreditCode,
        CreditCodeForm creditCodeForm,
        String servedWritten,
        ServedForm servedForm,
        AmountForm amountForm,
        DateForm dateForm,
        RejectRule rule,
        String supersededBy,
        String implausibleSigned,
        boolean novelCategory) {

    LedgerRow supersededBy(String amendmentFile) {
        return new LedgerRow(
                contract,
                writtenCreditCode,
                creditCodeForm,
                servedWritten,
                servedForm,
                amountForm,
                dateForm,
                rule,
                amendmentFile,
                implausibleSigned,
                novelCategory);
    }

    /** The credit code as it reads once normalised (upper case, no spaces). */
    String normalisedCreditCode() {
        return writtenCreditCode.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** The cells in the order of {@link LedgerWriter#HEADER}. */
    List<WrittenCell> cells() {
        ServiceContract c = contract;
        return List.of(
                WrittenCell.text(c.projectNo()),
                WrittenCell.text(c.projectName()),
                WrittenCell.text(c.purchaser()),
                WrittenCell.text(c.provider().name()),
                WrittenCell.text(writtenCreditCode),
                WrittenCell.text(c.category()),
                WrittenCell.text(servedWritten),
                amountForm.cell(c.amount()),
                implausibleSigned == null ? dateForm.signed(c.signed()) : WrittenCell.text(implausibleSigned),
                dateForm.period(c.serviceStart(), c.serviceEnd()),
                WrittenCell.text(c.fundSource()),
                WrittenCell.text(c.grade()));
    }
}
