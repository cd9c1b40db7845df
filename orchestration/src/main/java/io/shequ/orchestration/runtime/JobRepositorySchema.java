package io.shequ.orchestration.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates the job repository's tables (Spring Batch) and the Quartz JDBC store's tables from the
 * scripts their jars ship, once: Spring Batch 6 no longer creates them itself.
 */
public final class JobRepositorySchema {

    private JobRepositorySchema() {}

    public static void ensure(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            String dialect = product.contains("postgres") ? "postgresql" : "h2";
            if (!tableExists(c, "BATCH_JOB_INSTANCE")) {
                ScriptUtils.executeSqlScript(
                        c, new ClassPathResource("org/springframework/batch/core/schema-" + dialect + ".sql"));
            }
            if (!tableExists(c, "QRTZ_JOB_DETAILS")) {
                String script = dialect.equals("postgresql") ? "tables_postgres.sql" : "tables_h2.sql";
                ScriptUtils.executeSqlScript(c, new ClassPathResource("org/quartz/impl/jdbcjobstore/" + script));
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase()}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
