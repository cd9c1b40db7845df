package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The grid table → each grid's community: its own {@code community_code} when that is a
 * village-level code (12 digits, village part not 000), else the first such code up its
 * {@code parent_code} chain, since the vendor's code "may be missing or stale" on lower-level
 * grids while the community grid above names it. A grid whose whole chain names none (or whose
 * chain loops back on itself) has no community, and {@code reason} says which grids were asked.
 *
 * <p>The grid table is a few grids per community, so the chains are walked on the driver.
 */
final class GridsToCommunities {

    private static final Pattern COMMUNITY = Pattern.compile("^[0-9]{9}(?!000)[0-9]{3}$");

    static final StructType SCHEMA = new StructType()
            .add("g_code", DataTypes.StringType, false)
            .add("g_community", DataTypes.StringType, true)
            .add("g_via", DataTypes.StringType, true)
            .add("g_reason", DataTypes.StringType, true);

    private record Link(String parent, String community) {}

    /** One row per grid code: g_code, g_community (null when unresolved), g_via (the grid that named it), g_reason. */
    Dataset<Row> apply(Dataset<Row> grids) {
        boolean hasParent = List.of(grids.columns()).contains("parent_code");
        Map<String, Link> links = new HashMap<>();
        for (Row r : grids.select(
                        col("grid_code").cast("string"),
                        (hasParent ? col("parent_code") : lit(null)).cast("string"),
                        col("community_code").cast("string"))
                .collectAsList()) {
            if (r.getString(0) != null) {
                links.put(r.getString(0), new Link(r.getString(1), r.getString(2)));
            }
        }
        List<Row> out = new ArrayList<>(links.size());
        links.keySet().stream().sorted().forEach(code -> out.add(resolve(code, links)));
        return grids.sparkSession().createDataFrame(out, SCHEMA);
    }

    private static Row resolve(String code, Map<String, Link> links) {
        Set<String> asked = new LinkedHashSet<>();
        String current = code;
        while (current != null && links.containsKey(current)) {
            if (!asked.add(current)) {
                return RowFactory.create(
                        code,
                        null,
                        null,
                        "grid " + code + " names no community code, nor does any grid up its" + " parent chain "
                                + String.join(" → ", asked) + " → " + current + " (a cycle)");
            }
            Link link = links.get(current);
            String community =
                    link.community() == null ? null : link.community().strip();
            if (community != null && COMMUNITY.matcher(community).matches()) {
                return RowFactory.create(code, community, current, null);
            }
            current = link.parent() == null || link.parent().isBlank()
                    ? null
                    : link.parent().strip();
        }
        String own = links.get(code).community();
        return RowFactory.create(
                code,
                null,
                null,
                "grid " + code + " names no 12-digit community code: "
                        + (own == null || own.isBlank() ? "(empty)" : own)
                        + (asked.size() > 1
                                ? ", nor does any grid up its parent chain " + String.join(" → ", asked)
                                : "")
                        + (current != null ? " (parent " + current + " is not in the grid table)" : ""));
    }
}
