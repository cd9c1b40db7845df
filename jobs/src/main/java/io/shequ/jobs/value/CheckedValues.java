package io.shequ.jobs.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Moves the values of the rows a check-step rule took out of a staged dataset from "staged" to
 * "quarantined" in its files' value accounts: the staged sums are measured again (only for a
 * dataset the check took rows from), the rows taken out are named by file and line.
 */
public final class CheckedValues {

    private CheckedValues() {}

    /**
     * @param staged the dataset's staged rows after the check
     * @param taken  the rows the check quarantined from it ({@code location}, {@code line}, {@code rule})
     */
    public static List<ValueAccount> afterCheck(
            List<ValueAccount> accounts, String source, Dataset<Row> staged, Dataset<Row> taken) {
        List<String> fields = accounts.stream()
                .filter(a -> a.source().equals(source))
                .map(ValueAccount::field)
                .distinct()
                .toList();
        if (fields.isEmpty()) {
            return accounts;
        }
        Map<String, List<String>> named = new HashMap<>();
        for (Row r : taken.select("location", "line", "rule").collectAsList()) {
            named.computeIfAbsent(r.getString(0), f -> new ArrayList<>())
                    .add(r.getString(0) + ":" + r.getString(1) + " (" + r.getString(2) + ")");
        }
        List<Column> sums = fields.stream()
                .map(f -> coalesce(sum(col(f)).cast("decimal(38,2)"), lit(0)).as(f))
                .toList();
        Map<String, Row> after = new HashMap<>();
        for (Row r : staged.filter(col("source_file").isin(named.keySet().toArray()))
                .groupBy("source_file")
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
                .collectAsList()) {
            after.put(r.getString(0), r);
        }
        List<ValueAccount> adjusted = new ArrayList<>();
        for (ValueAccount a : accounts) {
            if (!a.source().equals(source) || !named.containsKey(a.location())) {
                adjusted.add(a);
                continue;
            }
            Row sumsAfter = after.get(a.location());
            BigDecimal stagedAfter =
                    sumsAfter == null ? BigDecimal.ZERO : sumsAfter.getDecimal(sumsAfter.fieldIndex(a.field()));
            adjusted.add(a.afterCheck(stagedAfter, named.get(a.location())));
        }
        return adjusted;
    }
}
