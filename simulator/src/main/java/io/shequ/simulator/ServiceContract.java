package io.shequ.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One purchased-service contract as it truly is, before a ledger writes it down
 * ({@link LedgerRow} says how it is written).
 *
 * @param amount       the amount in yuan, two decimals
 * @param servedNames  the short names of the communities served (village level), else empty
 * @param servedCodes  12-digit codes of the communities, the street or the district served
 * @param servedLevel  village, township or district
 * @param streetName   the street office served (township level) or bought by, null for the district
 */
record ServiceContract(
        String projectNo,
        String projectName,
        String purchaser,
        Provider provider,
        String category,
        List<String> servedNames,
        List<String> servedCodes,
        String servedLevel,
        String streetName,
        BigDecimal amount,
        LocalDate signed,
        LocalDate serviceStart,
        LocalDate serviceEnd,
        String fundSource,
        String grade) {

    /** A social organization that takes on purchased services. */
    record Provider(String name, String creditCode) {}

    ServiceContract numbered(String number) {
        return new ServiceContract(
                number,
                projectName,
                purchaser,
                provider,
                category,
                servedNames,
                servedCodes,
                servedLevel,
                streetName,
                amount,
                signed,
                serviceStart,
                serviceEnd,
                fundSource,
                grade);
    }

    /** The same contract under another service category. */
    ServiceContract withCategory(String otherCategory) {
        return new ServiceContract(
                projectNo,
                projectName,
                purchaser,
                provider,
                otherCategory,
                servedNames,
                servedCodes,
                servedLevel,
                streetName,
                amount,
                signed,
                serviceStart,
                serviceEnd,
                fundSource,
                grade);
    }

    /** The same project restated by an amendment with another amount and service end. */
    ServiceContract amended(BigDecimal newAmount, LocalDate newEnd) {
        return new ServiceContract(
                projectNo,
                projectName,
                purchaser,
                provider,
                category,
                servedNames,
                servedCodes,
                servedLevel,
                streetName,
                newAmount,
                signed,
                serviceStart,
                newEnd,
                fundSource,
                grade);
    }
}
