package io.shequ.jobs.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.spark.TestSpark;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The equal split of a contract amount among its served divisions: exact to the cent, nothing lost or made. */
class ContractAllocationTest {

    private static final StructType CONTRACTS = new StructType()
            .add("project_no", DataTypes.StringType)
            .add("contract_amount", DataTypes.createDecimalType(18, 2))
            .add("served_divisions", new StructType().add("codes", DataTypes.createArrayType(DataTypes.StringType)));

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    @Test
    void sharesDifferByAtMostOneCentTheFirstCodesTakeTheRemainderAndTheyAddUpToTheAmount() {
        List<Row> contracts = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>(List.of(
                new BigDecimal("100.00"),
                new BigDecimal("0.01"),
                new BigDecimal("0.02"),
                new BigDecimal("9999999999999999.99"),
                new BigDecimal("200000.00")));
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            amounts.add(BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L), 2));
        }
        for (int i = 0; i < amounts.size(); i++) {
            int shares = 1 + (i % 7);
            List<String> codes = new ArrayList<>();
            for (int s = 0; s < shares; s++) {
                codes.add("3701030010" + String.format("%02d", s + 1));
            }
            contracts.add(RowFactory.create("P" + i, amounts.get(i), RowFactory.create(codes)));
        }
        List<Row> allocated = spark.createDataFrame(contracts, CONTRACTS)
                .selectExpr("*", "posexplode(served_divisions.codes) AS (share_pos, served_code)")
                .selectExpr("project_no", "share_pos", StagedContractsToFacts.ALLOCATED_AMOUNT + " AS share")
                .collectAsList();

        for (int i = 0; i < amounts.size(); i++) {
            String project = "P" + i;
            int shares = 1 + (i % 7);
            BigDecimal cents = amounts.get(i).movePointRight(2);
            BigDecimal base = cents.divideToIntegralValue(BigDecimal.valueOf(shares));
            int remainder = cents.remainder(BigDecimal.valueOf(shares)).intValueExact();
            List<Row> rows = allocated.stream()
                    .filter(r -> r.getAs("project_no").equals(project))
                    .toList();
            assertThat(rows).as("one share per served division of %s", project).hasSize(shares);
            BigDecimal total = BigDecimal.ZERO;
            for (Row r : rows) {
                int pos = r.getAs("share_pos");
                BigDecimal expected = base.add(pos < remainder ? BigDecimal.ONE : BigDecimal.ZERO)
                        .movePointLeft(2);
                BigDecimal share = r.getAs("share");
                assertThat(share)
                        .as("share %d of %s (%s among %d)", pos, project, amounts.get(i), shares)
                        .isEqualByComparingTo(expected);
                total = total.add(share);
            }
            assertThat(total)
                    .as("the shares of %s add up to its amount, to the cent", project)
                    .isEqualByComparingTo(amounts.get(i));
        }
    }
}
