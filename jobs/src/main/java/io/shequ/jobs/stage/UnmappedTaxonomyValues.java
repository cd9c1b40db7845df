package io.shequ.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.shequ.schemas.reference.Taxonomy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Staged rows → one {@code unmapped_value} finding per value of a column that its taxonomy does
 * not know, with the rows that carry it and (for money) their amount: the rows themselves stay,
 * counted under the taxonomy's {@code other} member. Grouped in Spark, judged in Java: a column
 * has few distinct values.
 */
public final class UnmappedTaxonomyValues {

    private final String source;
    private final Taxonomy taxonomy;

    public UnmappedTaxonomyValues(String source, Taxonomy taxonomy) {
        this.source = source;
        this.taxonomy = taxonomy;
    }

    /**
     * @param column       the column as written (e.g. {@code service_category})
     * @param amountColumn the amount summed per value, or null for none
     */
    public List<SourceFinding> apply(Dataset<Row> staged, String column, String amountColumn) {
        Column amount = amountColumn == null
                ? lit(null).cast("decimal(18,2)")
                : sum(col(amountColumn)).cast("decimal(18,2)");
        List<SourceFinding> findings = new ArrayList<>();
        for (Row r : staged.filter(col(column).isNotNull())
                .groupBy(col(column))
                .agg(count(lit(1)), amount)
                .orderBy(col(column))
                .collectAsList()) {
            String value = r.getString(0);
            if (taxonomy.knows(value)) {
                continue;
            }
            long rows = r.getLong(1);
            BigDecimal total = r.isNullAt(2) ? null : r.getDecimal(2);
            findings.add(new SourceFinding(
                    SourceFinding.UNMAPPED_VALUE,
                    source,
                    null,
                    null,
                    taxonomy.name(),
                    value,
                    rows,
                    total,
                    column + " '" + value + "' is not in taxonomy " + taxonomy.name() + ": " + rows + " row(s)"
                            + (total == null ? "" : ", " + total.toPlainString() + " yuan")
                            + " counted under " + taxonomy.other().code() + " ("
                            + taxonomy.other().nameZh() + ")"));
        }
        return findings;
    }
}
