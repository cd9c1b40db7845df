package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.simulator.GroundTruthCsv;
import io.shequ.warehouse.WarehouseReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * The contract money of a sample's ledgers, followed from the cells to the published warehouse
 * (issue 13, value accounting): the money read from the ledgers equals the money in the lake plus
 * the quarantined and superseded rows' money, the lake's equals {@code purchase/signed} at the
 * district summed over the years, and the run's value accounting says so with nothing unexplained.
 * Every expected sum is computed from the simulator's {@code contracts.csv}, exactly in decimals.
 */
final class LedgerMoney {

    private static final String SOURCE = "procurement_ledgers";
    private static final String FIELD = "contract_amount";

    private LedgerMoney() {}

    /** On the first run over a sample, where every ledger file was read. */
    static void assertAccountedFor(Path summaryFile, Path home, Path groundTruth, String district) throws Exception {
        BigDecimal effective = BigDecimal.ZERO;
        BigDecimal superseded = BigDecimal.ZERO;
        BigDecimal quarantined = BigDecimal.ZERO;
        long unreadable = 0;
        for (CSVRecord r : GroundTruthCsv.read(groundTruth.resolve("contracts.csv"))) {
            if (r.get("rule").equalsIgnoreCase("invalid_amount")) {
                unreadable++; // written as a word (待定): no number to read, named as an unparsed cell
                continue;
            }
            BigDecimal amount = new BigDecimal(r.get("amount_yuan"));
            if (!r.get("outcome").equals("staged")) {
                quarantined = quarantined.add(amount);
            } else if (!r.get("superseded_by").isEmpty()) {
                superseded = superseded.add(amount);
            } else {
                effective = effective.add(amount);
            }
        }
        BigDecimal read = effective.add(superseded).add(quarantined);

        JsonNode values = new ObjectMapper().readTree(summaryFile.toFile()).path("value_accounting");
        assertThat(values.path("unexplained").asLong())
                .as("value differences no named row explains: %s", values.path("files"))
                .isZero();
        JsonNode run = null;
        for (JsonNode total : values.path("run")) {
            if (total.path("source").asText().equals(SOURCE)
                    && total.path("field").asText().equals(FIELD)) {
                run = total;
            }
        }
        assertThat(run)
                .as("the run's value accounting has the ledgers' contract money")
                .isNotNull();
        assertThat(decimal(run, "read"))
                .as("contract money read from the ledgers")
                .isEqualByComparingTo(read);
        assertThat(decimal(run, "quarantined"))
                .as("money of the quarantined ledger rows")
                .isEqualByComparingTo(quarantined);
        assertThat(run.path("unparsedCells").asLong())
                .as("amount cells with no number in them")
                .isEqualTo(unreadable);
        assertThat(decimal(run, "notInLakeSum"))
                .as("money of staged rows an amendment replaced")
                .isEqualByComparingTo(superseded);
        assertThat(decimal(run, "lake")).as("contract money in the lake").isEqualByComparingTo(effective);
        assertThat(decimal(run, "published"))
                .as("contract money in the published warehouse")
                .isEqualByComparingTo(effective);

        try (WarehouseReader reader = WarehouseReader.open(home)) {
            List<List<Object>> signed =
                    reader.query("SELECT sum(CAST(numerator AS DECIMAL(38, 2))) FROM mart_indicators"
                            + " WHERE indicator = 'purchase' AND breakdown = 'signed' AND division_code = '" + district
                            + "000000'");
            BigDecimal atDistrict = new BigDecimal(String.valueOf(signed.get(0).get(0)));
            assertThat(atDistrict)
                    .as("purchase/signed at the district over all years = the contract money read"
                            + " less the quarantined and superseded rows'")
                    .isEqualByComparingTo(read.subtract(quarantined).subtract(superseded))
                    .isEqualByComparingTo(effective);
        }
    }

    private static BigDecimal decimal(JsonNode total, String side) {
        assertThat(total.has(side))
                .as("the run's value accounting has the %s side", side)
                .isTrue();
        return new BigDecimal(total.path(side).asText());
    }
}
