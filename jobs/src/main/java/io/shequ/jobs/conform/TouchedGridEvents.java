package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;

import io.shequ.jobs.gridstate.GridState;
import io.shequ.jobs.gridstate.GridStateChanges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The events whose fact a merged increment may change: those whose row or flows changed, and every
 * event on a grid whose row changed or whose community, as {@link GridsToCommunities} resolves it,
 * changed (a grid up its parent chain was re-coded or re-parented, or arrived). Every other event's
 * fact is what it was: its row, its flows, its grid's versions and its community are the same.
 */
public final class TouchedGridEvents {

    /** One row per touched event: event_id. */
    public Dataset<Row> apply(GridStateChanges changes, Dataset<Row> gridsBefore, GridState merged) {
        Set<String> grids = new TreeSet<>(changes.grids());
        if (!grids.isEmpty()) {
            grids.addAll(resolvedDifferently(gridsBefore, merged.grids()));
        }
        Dataset<Row> touched = changes.events().select("event_id");
        if (!grids.isEmpty()) {
            Dataset<Row> codes = merged.events()
                    .sparkSession()
                    .createDataset(new ArrayList<>(grids), Encoders.STRING())
                    .toDF("touched_grid");
            touched = touched.union(merged.events()
                    .join(codes, col("grid_code").cast("string").equalTo(col("touched_grid")), "left_semi")
                    .select("event_id"));
        }
        return touched.distinct();
    }

    /** Grids whose resolved community (or reason for having none) differs, or that only one side knows. */
    static List<String> resolvedDifferently(Dataset<Row> before, Dataset<Row> after) {
        Map<String, List<String>> was = resolutions(before);
        Map<String, List<String>> now = resolutions(after);
        Set<String> codes = new TreeSet<>(was.keySet());
        codes.addAll(now.keySet());
        return codes.stream()
                .filter(code -> !Objects.equals(was.get(code), now.get(code)))
                .toList();
    }

    private static Map<String, List<String>> resolutions(Dataset<Row> grids) {
        Map<String, List<String>> byCode = new HashMap<>();
        for (Row r : new GridsToCommunities().apply(grids).collectAsList()) {
            byCode.put(r.getString(0), Arrays.asList(r.getString(1), r.getString(3)));
        }
        return byCode;
    }
}
