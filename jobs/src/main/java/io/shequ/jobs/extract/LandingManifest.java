package io.shequ.jobs.extract;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The landing manifest: one row per landed source per run, in the job repository's database,
 * so operators can ask what arrived when, and which bytes were seen before.
 */
public final class LandingManifest {

    private final JdbcTemplate jdbc;

    public LandingManifest(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS shequ_landing_manifest (
                  run_id VARCHAR(64) NOT NULL,
                  source VARCHAR(64) NOT NULL,
                  location VARCHAR(1024) NOT NULL,
                  landed_path VARCHAR(2048) NOT NULL,
                  sha256 CHAR(64) NOT NULL,
                  bytes BIGINT NOT NULL,
                  rows_read BIGINT,
                  duplicate_of VARCHAR(1024),
                  received_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                  PRIMARY KEY (run_id, source, location))""");
    }

    /** Records the landed sources of a run in one batch; a restarted extract replaces its rows. */
    public void record(String runId, List<LandedSource> sources) {
        jdbc.update("DELETE FROM shequ_landing_manifest WHERE run_id = ?", runId);
        jdbc.batchUpdate("""
                        INSERT INTO shequ_landing_manifest
                          (run_id, source, location, landed_path, sha256, bytes, duplicate_of)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                sources.stream().map(s -> new Object[] {runId, s.source(), s.location(), s.landed(), s.sha256(),
                        s.bytes(), s.duplicateOf()}).toList());
    }

    /** Fills in rows read once staging has counted them. */
    public void recordRows(String runId, String source, List<Object[]> locationAndRows) {
        jdbc.batchUpdate("UPDATE shequ_landing_manifest SET rows_read = ? WHERE run_id = ? AND source = ? AND location = ?",
                locationAndRows.stream().map(r -> new Object[] {r[1], runId, source, r[0]}).toList());
    }

    public int count(String runId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM shequ_landing_manifest WHERE run_id = ?", Integer.class, runId);
        return n == null ? 0 : n;
    }
}
