package io.shequ.orchestration.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The log of trigger fires in the job-repository database ({@code shequ_scheduled_fire}): which
 * node ran which scheduled time of which trigger, and how the run ended. Quartz forgets a fire
 * once done; this table is how an operator (and the cluster test) sees that each scheduled
 * time ran once, and on which node.
 */
public final class ScheduledFires {

    private final DataSource dataSource;

    public ScheduledFires(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(
                    c, new ClassPathResource("io/shequ/orchestration/schedule/shequ_scheduled_fire.sql"));
        }
    }

    /** Records that this node begins a fire; returns the fire's id for {@link #ended}. */
    public String began(String trigger, String job, Date scheduledAt, Date firedAt, String instanceId)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO shequ_scheduled_fire (fire_id, trigger_name, job, scheduled_at, fired_at, instance_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, trigger);
            insert.setString(3, job);
            insert.setTimestamp(4, new Timestamp(scheduledAt.getTime()));
            insert.setTimestamp(5, new Timestamp(firedAt.getTime()));
            insert.setString(6, instanceId);
            insert.executeUpdate();
        }
        return id;
    }

    /** Records how the fire's run ended; {@code runId} is null when the run could not start. */
    public void ended(String fireId, String runId, int exitCode) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE shequ_scheduled_fire SET run_id = ?, exit_code = ?, ended_at = ? WHERE fire_id = ?")) {
            update.setString(1, runId);
            update.setInt(2, exitCode);
            update.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
            update.setString(4, fireId);
            update.executeUpdate();
        }
    }
}
