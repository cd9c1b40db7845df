package io.shequ.jobs.recovery;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which process owns each run, in {@code shequ_run_owner} beside the Spring Batch tables: one
 * row per run id, claimed by the process just before it starts or restarts the run. A start that
 * finds an execution still marked running asks this table whether its owner is alive.
 */
public final class RunOwners {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public RunOwners(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS shequ_run_owner (
                  run_id VARCHAR(64) NOT NULL PRIMARY KEY,
                  host VARCHAR(255) NOT NULL,
                  pid BIGINT NOT NULL,
                  process_started_ms BIGINT NOT NULL,
                  claimed_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)""");
    }

    /** Records {@code owner} as the process running {@code runId} (replacing an earlier owner). */
    public void claim(String runId, ProcessOwner owner) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM shequ_run_owner WHERE run_id = ?", runId);
            jdbc.update(
                    "INSERT INTO shequ_run_owner (run_id, host, pid, process_started_ms) VALUES (?, ?, ?, ?)",
                    runId,
                    owner.host(),
                    owner.pid(),
                    owner.startedMillis());
        });
    }

    /** The last process that claimed {@code runId}, or empty if none did (a run of an older release). */
    public Optional<ProcessOwner> owner(String runId) {
        List<ProcessOwner> found = jdbc.query(
                "SELECT host, pid, process_started_ms FROM shequ_run_owner WHERE run_id = ?",
                (rs, i) -> new ProcessOwner(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                runId);
        return found.stream().findFirst();
    }
}
