package io.shequ.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.lake.LakeTableSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The lake step's tables ({@link LakeTableSpec}) and the warehouse's lake DDL are one list: each
 * table the lake step commits has its {@code models/lake/<name>.sql} and {@code .yml}, and each
 * partition column and row key is a column of that DDL.
 */
class LakeTableSpecTest {

    private static final Pattern COLUMN = Pattern.compile("^\\s+([a-z_0-9]+)\\s+[A-Z]", Pattern.MULTILINE);

    @Test
    void everyLakeTableHasItsDdlAndYamlWithItsPartitionAndKeyColumns() throws Exception {
        for (LakeTableSpec spec : LakeTableSpec.values()) {
            String ddl = resource("models/lake/" + spec.tableName() + ".sql");
            assertThat(ddl).as("DDL of %s", spec).isNotNull().contains("CREATE TABLE " + spec.tableName() + " (");
            assertThat(resource("models/lake/" + spec.tableName() + ".yml"))
                    .as("YAML of %s", spec)
                    .isNotNull();
            List<String> columns = new ArrayList<>();
            Matcher m = COLUMN.matcher(ddl);
            while (m.find()) {
                columns.add(m.group(1));
            }
            assertThat(columns).as("columns of %s", spec).containsAll(spec.partitionColumns());
            assertThat(columns).as("columns of %s", spec).containsAll(spec.rowKey());
            assertThat(spec.isFact())
                    .as("%s is a fact exactly when named fct_", spec)
                    .isEqualTo(spec.tableName().startsWith("fct_"));
        }
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = LakeTableSpecTest.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
