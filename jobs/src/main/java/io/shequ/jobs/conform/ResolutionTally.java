package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.shequ.schemas.contract.RejectRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How the names of one source were resolved, for the run summary: rows resolved by exact,
 * normalised, alias and similarity matching, rows quarantined as ambiguous or unknown, and the
 * resolution rate (resolved / rows).
 */
public final class ResolutionTally {

    private ResolutionTally() {}

    /**
     * Counts {@code rows} by their {@code method} and {@code failure} columns (codes of
     * {@link Resolution.Method} and {@link Resolution.Failure}).
     */
    public static Map<String, Object> of(Dataset<Row> rows, Column method, Column failure) {
        Map<String, Object> tally = new LinkedHashMap<>();
        long total = 0;
        long resolved = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Resolution.Method m : Resolution.Method.values()) {
            counts.put(m.code(), 0L);
        }
        for (Resolution.Failure f : Resolution.Failure.values()) {
            counts.put(f.code(), 0L);
        }
        Column outcome = when(method.isNotNull(), method)
                .otherwise(when(failure.isNotNull(), failure).otherwise(lit(Resolution.Failure.UNKNOWN.code())));
        for (Row row :
                rows.select(outcome.as("outcome")).groupBy("outcome").count().collectAsList()) {
            String key = row.getString(0);
            long n = row.getLong(1);
            counts.merge(key, n, Long::sum);
            total += n;
            if (counts.containsKey(key) && isMethod(key)) {
                resolved += n;
            }
        }
        tally.put("names", total);
        tally.putAll(counts);
        tally.put(
                "rate",
                total == 0
                        ? BigDecimal.ONE
                        : BigDecimal.valueOf(resolved).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP));
        return tally;
    }

    /** The reject rule a failure code stands for. */
    public static Column rule(Column failure) {
        return when(
                        failure.equalTo(lit(Resolution.Failure.AMBIGUOUS.code())),
                        lit(RejectRule.AMBIGUOUS_DIVISION.code()))
                .otherwise(lit(RejectRule.UNRESOLVED_DIVISION.code()));
    }

    private static boolean isMethod(String code) {
        for (Resolution.Method m : Resolution.Method.values()) {
            if (m.code().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
