package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The key strategy of docs/adr/0001-warehouse-keys.md holds: no warehouse fact loads a dimension's
 * surrogate key from the lake, and no model names one (a dimension's DDL keeps its key as the
 * identifier of a version), so every join between facts and dimensions is by natural key and
 * validity dates.
 */
class WarehouseKeysTest {

    /** Columns ending in _key that are no dimension's surrogate key. */
    private static final Set<String> NOT_DIMENSION_KEYS = Set.of(
            "reporter_key", // the reporter's keyed pseudonym
            "fact_key", // a fact row's natural identity in the lineage
            "partition_key"); // a partition's name in dq_partitions

    private static final Pattern KEY = Pattern.compile("\\b([a-z_]+_key)\\b");

    @Test
    void noWarehouseFactLoadsADimensionKey() {
        List<String> facts = ClasspathText.files(ModelCatalog.ROOT + "/lake").stream()
                .filter(f -> f.endsWith(".sql") && f.contains("/fct_"))
                .toList();
        assertThat(facts).as("the lake facts' DDL").hasSizeGreaterThanOrEqualTo(3);
        for (String ddl : facts) {
            assertThat(dimensionKeys(ClasspathText.read(ddl)))
                    .as("dimension keys loaded by %s", ddl)
                    .isEmpty();
        }
    }

    @Test
    void noModelNamesADimensionKey() {
        List<String> models = new ArrayList<>();
        for (String folder : List.of("staging", "intermediate", "marts", "quality")) {
            ClasspathText.files(ModelCatalog.ROOT + "/" + folder).stream()
                    .filter(f -> f.endsWith(".sql"))
                    .forEach(models::add);
        }
        assertThat(models).as("the models").hasSizeGreaterThan(20);
        for (String model : models) {
            assertThat(dimensionKeys(ClasspathText.read(model)))
                    .as("dimension keys named by %s", model)
                    .isEmpty();
        }
    }

    private static Set<String> dimensionKeys(String sql) {
        Set<String> keys = new TreeSet<>();
        for (String line : sql.lines().toList()) {
            String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
            Matcher m = KEY.matcher(code.toLowerCase());
            while (m.find()) {
                if (!NOT_DIMENSION_KEYS.contains(m.group(1))) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
