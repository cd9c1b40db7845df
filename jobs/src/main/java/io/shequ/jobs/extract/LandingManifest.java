package io.shequ.jobs.extract;

import io.shequ.jobs.run.SourceAccount;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The landing manifest: one row per landed source per run, in the job repository's database,
 * so operators can ask what arrived when, which bytes were seen before, and how each file's rows
 * were accounted for (read = staged + quarantined), e.g.
 * {@code SELECT location, rows_read, rows_staged, rows_quarantined, note FROM shequ_landing_manifest WHERE run_id = ?}.
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
        for (String column : new String[] {"rows_staged BIGINT", "rows_quarantined BIGINT", "note VARCHAR(2048)"}) {
            jdbc.execute("ALTER TABLE shequ_landing_manifest ADD COLUMN IF NOT EXISTS " + column);
        }
    }

    /** Records the landed sources of a run in one batch; a restarted extract replaces its rows. */
    public void record(String runId, List<LandedSource> sources) {
        jdbc.update("DELETE FROM shequ_landing_manifest WHERE run_id = ?", runId);
        jdbc.batchUpdate(
                """
                        INSERT INTO shequ_landing_manifest
                          (run_id, source, location, landed_path, sha256, bytes, duplicate_of)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                sources.stream()
                        .map(s -> new Object[] {
                            runId, s.source(), s.location(), s.landed(), s.sha256(), s.bytes(), s.duplicateOf()
                        })
                        .toList());
    }

    /** Fills in each source's row accounting once staging has counted, in one batch. */
    public void recordAccounts(String runId, List<SourceAccount> accounts) {
        jdbc.batchUpdate(
                """
                        UPDATE shequ_landing_manifest SET rows_read = ?, rows_staged = ?, rows_quarantined = ?, note = ?
                        WHERE run_id = ? AND source = ? AND location = ?""",
                accounts.stream()
                        .map(a -> new Object[] {
                            a.rowsRead(),
                            a.rowsStaged(),
                            a.rowsQuarantined(),
                            a.note() == null
                                    ? null
                                    : a.note()
                                            .substring(
                                                    0, Math.min(2048, a.note().length())),
                            runId,
                            a.source(),
                            a.location()
                        })
                        .toList());
    }

    /**
     * Records a file that is not a landed source but is accounted like one (an admit file of
     * corrected quarantine rows): its bytes, where it now lies, and its rows read = staged + not.
     */
    public void recordAccounted(String runId, String landedPath, String sha256, long bytes, SourceAccount account) {
        jdbc.update(
                "DELETE FROM shequ_landing_manifest WHERE run_id = ? AND source = ? AND location = ?",
                runId,
                account.source(),
                account.location());
        jdbc.update(
                """
                        INSERT INTO shequ_landing_manifest (run_id, source, location, landed_path, sha256, bytes,
                          rows_read, rows_staged, rows_quarantined, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                runId,
                account.source(),
                account.location(),
                landedPath,
                sha256,
                bytes,
                account.rowsRead(),
                account.rowsStaged(),
                account.rowsQuarantined(),
                account.note() == null
                        ? null
                        : account.note()
                                .substring(0, Math.min(2048, account.note().length())));
    }

    public int count(String runId) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM shequ_landing_manifest WHERE run_id = ?", Integer.class, runId);
        return n == null ? 0 : n;
    }
}
