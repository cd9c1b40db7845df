package io.shequ.jobs.check;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every rule's outcome per run, stage and dataset, in the job repository's database, so that
 * operators can follow a rule over runs, e.g.
 * {@code SELECT run_id, dataset, rule, outcome, failed_rows FROM shequ_dq_outcome WHERE level = 'error' ORDER BY recorded_at}.
 * A restarted check replaces its stage's rows of the run.
 */
public final class DataQualityOutcomes {

    private final JdbcTemplate jdbc;

    public DataQualityOutcomes(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS shequ_dq_outcome (
                  run_id VARCHAR(64) NOT NULL,
                  stage VARCHAR(16) NOT NULL,
                  dataset VARCHAR(128) NOT NULL,
                  rule VARCHAR(2048) NOT NULL,
                  level VARCHAR(8) NOT NULL,
                  outcome VARCHAR(16) NOT NULL,
                  failure_reason VARCHAR(4096),
                  failed_rows BIGINT,
                  rows_quarantined BOOLEAN NOT NULL,
                  recorded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)""");
    }

    /** Records one stage's outcomes of a run in one batch, replacing what a failed attempt left. */
    public void record(String runId, RuleStage stage, List<RuleOutcome> outcomes) {
        jdbc.update("DELETE FROM shequ_dq_outcome WHERE run_id = ? AND stage = ?", runId, stage.folder());
        jdbc.batchUpdate(
                """
                        INSERT INTO shequ_dq_outcome
                          (run_id, stage, dataset, rule, level, outcome, failure_reason, failed_rows, rows_quarantined)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                outcomes.stream()
                        .map(o -> new Object[] {
                            runId,
                            stage.folder(),
                            o.dataset(),
                            clip(o.rule(), 2048),
                            o.level(),
                            o.outcome(),
                            clip(o.reason(), 4096),
                            o.failedRows(),
                            o.rowsQuarantined()
                        })
                        .toList());
    }

    private static String clip(String text, int max) {
        return text == null ? null : text.substring(0, Math.min(max, text.length()));
    }
}
