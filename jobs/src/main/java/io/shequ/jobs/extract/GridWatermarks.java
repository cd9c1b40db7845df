package io.shequ.jobs.extract;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The committed extract watermark of each grid-system table, kept in the job repository's
 * database beside the Spring Batch tables: the largest vendor {@code updated_at} (wall-clock,
 * Asia/Shanghai, no zone) that a run has read and carried all the way into the lake.
 *
 * <p>A run only proposes a watermark; it is committed when the run has written the lake, so a
 * run that fails anywhere before re-extracts the same rows next time.
 */
public final class GridWatermarks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public GridWatermarks(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS shequ_grid_watermark (
                  source_table VARCHAR(64) NOT NULL PRIMARY KEY,
                  watermark TIMESTAMP NOT NULL,
                  run_id VARCHAR(64) NOT NULL,
                  committed_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)""");
    }

    /** The committed watermark of {@code table}, or empty before its first committed extract. */
    public Optional<LocalDateTime> current(String table) {
        // read and written as LocalDateTime: the JVM's zone never shifts a wall-clock value
        List<LocalDateTime> found = jdbc.queryForList(
                "SELECT watermark FROM shequ_grid_watermark WHERE source_table = ?", LocalDateTime.class, table);
        return found.stream().findFirst();
    }

    /**
     * Commits the given watermarks of one run together (update, else insert: portable across H2
     * and PostgreSQL). A watermark never moves backwards: an older candidate leaves the row as is.
     */
    public void commit(String runId, Map<String, LocalDateTime> watermarks) {
        transaction.executeWithoutResult(status -> watermarks.forEach((table, watermark) -> {
            LocalDateTime value = watermark;
            int updated = jdbc.update("""
                    UPDATE shequ_grid_watermark SET watermark = ?, run_id = ?, committed_at = CURRENT_TIMESTAMP
                    WHERE source_table = ? AND watermark <= ?""", value, runId, table, value);
            if (updated == 0 && current(table).isEmpty()) {
                jdbc.update(
                        "INSERT INTO shequ_grid_watermark (source_table, watermark, run_id) VALUES (?, ?, ?)",
                        table,
                        value,
                        runId);
            }
        }));
    }
}
