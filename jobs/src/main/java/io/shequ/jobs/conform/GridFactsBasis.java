package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the keys of {@code fct_grid_events} depend on besides the grid state: the division,
 * event-category and event-channel dimensions, the home's copies of the event taxonomies (an alias
 * added there re-keys events from the next run on) and the version of the facts' logic. Kept with
 * the facts: a run whose basis differs rebuilds every fact instead of merging into the kept ones.
 */
public final class GridFactsBasis {

    /** Raise when the facts' columns or logic change, so kept facts are rebuilt once. */
    static final String VERSION = "grid-facts-1";

    private GridFactsBasis() {}

    /** @param taxonomies the home's taxonomy folder ({@code <home>/taxonomies}), whether or not it exists */
    public static String of(Dataset<Row> divisions, Dataset<Row> categories, Dataset<Row> channels, Path taxonomies) {
        StringBuilder basis = new StringBuilder(VERSION);
        for (Dataset<Row> dimension : List.of(divisions, categories, channels)) {
            basis.append('|').append(fingerprint(dimension));
        }
        for (TaxonomyToDimension.Kind kind :
                List.of(TaxonomyToDimension.Kind.EVENT_CATEGORY, TaxonomyToDimension.Kind.EVENT_CHANNEL)) {
            basis.append('|').append(homeCopy(taxonomies.resolve(kind.taxonomy + ".csv")));
        }
        return basis.toString();
    }

    /** Row count and the sum of every row's hash: order aside, any changed row changes it. */
    private static String fingerprint(Dataset<Row> rows) {
        Column[] every = Arrays.stream(rows.columns()).sorted().map(c -> col(c)).toArray(Column[]::new);
        Row r = rows.agg(count(lit(1)), sum(xxhash64(every).cast("decimal(38,0)")))
                .first();
        return r.getLong(0) + ":" + (r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString());
    }

    private static String homeCopy(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)))
                    : "bundled";
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
