package io.shequ.orchestration.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One planned row of the procurement ledger: what is written and what it means.
 *
 * @param writtenCreditCode the provider's code as written (wrong when the row is bad for it)
 * @param amount            the true amount in yuan, null when the ledger writes 待定
 * @param amountAsNumber    true to write the amount as a numeric cell
 * @param servedCodes       12-digit codes of the communities, the street or the district served
 * @param servedLevel       village, township or district
 * @param reason            why the row must be quarantined, null for a good row
 */
record ServiceContract(String projectNo, String projectName, String purchaser, Provider provider,
                       String writtenCreditCode, String category, String servedWritten, List<String> servedCodes,
                       String servedLevel, BigDecimal amount, String writtenAmount, boolean amountAsNumber,
                       LocalDate signed, LocalDate serviceStart, LocalDate serviceEnd, String fundSource,
                       String grade, String reason) {

    /** A social organization that takes on purchased services. */
    record Provider(String name, String creditCode) {
    }
}
