package io.shequ.jobs.partition;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partition ledger ({@code shequ_partition} in the job repository's database): one row per
 * source and period with what arrived, when, and whether it loaded, so operators can ask what is
 * missing, late or failed, and backfill and retry know which files belong to which period, e.g.
 * {@code SELECT partition_key, status, run_id FROM shequ_partition WHERE source = 'street_office_reports'}.
 * A run replaces the rows of the partitions it processed and leaves the others as they were.
 */
public final class PartitionLedger {

    private static final String SEPARATOR = "\n";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public PartitionLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS shequ_partition (
                  source VARCHAR(64) NOT NULL,
                  partition_key VARCHAR(1100) NOT NULL,
                  period_start DATE,
                  period_end DATE,
                  report_end DATE,
                  files INTEGER NOT NULL,
                  locations VARCHAR(16000) NOT NULL,
                  sha256 VARCHAR(16000) NOT NULL,
                  rows_read BIGINT NOT NULL,
                  arrived_at TIMESTAMP,
                  status VARCHAR(16) NOT NULL,
                  run_id VARCHAR(64) NOT NULL,
                  run_kind VARCHAR(16) NOT NULL,
                  note VARCHAR(2048),
                  recorded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                  PRIMARY KEY (source, partition_key))""");
    }

    /** Replaces the rows of these partitions in one transaction (delete, then insert: H2 and PostgreSQL alike). */
    public void record(List<Partition> partitions) {
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate(
                    "DELETE FROM shequ_partition WHERE source = ? AND partition_key = ?",
                    partitions.stream()
                            .map(p -> new Object[] {p.source(), p.key()})
                            .toList());
            jdbc.batchUpdate(
                    """
                            INSERT INTO shequ_partition (source, partition_key, period_start, period_end, report_end, files,
                              locations, sha256, rows_read, arrived_at, status, run_id, run_kind, note)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    partitions.stream()
                            .map(p -> new Object[] {
                                p.source(),
                                p.key(),
                                date(p.periodStart()),
                                date(p.periodEnd()),
                                date(p.reportEnd()),
                                p.locations().size(),
                                String.join(SEPARATOR, p.locations()),
                                String.join(SEPARATOR, p.sha256()),
                                p.rowsRead(),
                                p.arrivedAt() == null ? null : Timestamp.from(p.arrivedAt()),
                                p.status(),
                                p.runId(),
                                p.runKind(),
                                p.note() == null
                                        ? null
                                        : p.note()
                                                .substring(
                                                        0,
                                                        Math.min(2048, p.note().length()))
                            })
                            .toList());
        });
    }

    /** Every partition, by source and key. */
    public List<Partition> all() {
        return jdbc.query("SELECT * FROM shequ_partition ORDER BY source, partition_key", PartitionLedger::row);
    }

    private static Partition row(ResultSet rs, int n) throws SQLException {
        Timestamp arrived = rs.getTimestamp("arrived_at");
        return new Partition(
                rs.getString("source"),
                rs.getString("partition_key"),
                local(rs.getDate("period_start")),
                local(rs.getDate("period_end")),
                local(rs.getDate("report_end")),
                split(rs.getString("locations")),
                split(rs.getString("sha256")),
                rs.getLong("rows_read"),
                arrived == null ? null : arrived.toInstant(),
                rs.getString("status"),
                rs.getString("run_id"),
                rs.getString("run_kind"),
                rs.getString("note"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate local(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
