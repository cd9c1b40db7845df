package io.shequ.jobs.check;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * How a judged row names where it came from, in the quarantine's terms: source, location (file or
 * table), sheet and line (row number or key). File-sourced rows carry {@code source_file},
 * {@code source_sheet} and {@code source_line}; table rows are named by their key columns.
 */
public record RowOrigin(String source, Column location, Column sheet, Column line) {

    /** Rows of a table, named by its key columns joined with "/" (e.g. event_id/seq). */
    public static RowOrigin ofTable(String source, String table, List<String> keys) {
        Column line = keys.isEmpty()
                ? lit(null).cast("string")
                : concat_ws(
                        "/",
                        keys.stream()
                                .map(k -> col("`" + k + "`").cast("string"))
                                .toArray(Column[]::new));
        return new RowOrigin(source, lit(table), lit(null).cast("string"), line);
    }

    /** File-sourced when the rows carry their file and line, else a table keyed by {@code keys}. */
    public static RowOrigin of(String source, String table, String[] columns, List<String> keys) {
        List<String> present = Arrays.asList(columns);
        if (present.contains("source_file") && present.contains("source_line")) {
            return new RowOrigin(
                    source,
                    col("source_file"),
                    present.contains("source_sheet")
                            ? col("source_sheet")
                            : lit(null).cast("string"),
                    col("source_line").cast("string"));
        }
        return ofTable(source, table, keys.stream().filter(present::contains).toList());
    }
}
