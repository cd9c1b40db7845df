package io.shequ.orchestration.schedule;

import io.shequ.orchestration.config.SchedulerSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Quartz's tables in the scheduler store from the script its jar ships, once. The job
 * repository gets them with its own schema; this covers a store of its own
 * ({@code scheduler.store-url}).
 */
final class QuartzStoreSchema {

    private QuartzStoreSchema() {}

    static void ensure(SchedulerSettings settings) throws SQLException {
        try (Connection c =
                DriverManager.getConnection(settings.storeUrl(), settings.storeUser(), settings.storePassword())) {
            for (String name : new String[] {"QRTZ_JOB_DETAILS", "qrtz_job_details"}) {
                try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            String script = settings.onPostgres() ? "tables_postgres.sql" : "tables_h2.sql";
            ScriptUtils.executeSqlScript(c, new ClassPathResource("org/quartz/impl/jdbcjobstore/" + script));
        }
    }
}
