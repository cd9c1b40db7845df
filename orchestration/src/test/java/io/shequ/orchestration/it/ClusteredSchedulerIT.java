package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.orchestration.cli.ShequMain;
import io.shequ.orchestration.testing.PostgresServer;
import io.shequ.schemas.home.OwnerOnly;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two {@code shequ schedule} processes share one PostgreSQL job store, clustered, with a trigger
 * every 5 seconds. Each scheduled time runs exactly once, on one node; after one node is killed
 * (-9, no goodbye) the other keeps firing every scheduled time. The fired job is the real
 * quarantine-purge job (a Spring Batch job in the shared job repository), fast enough that
 * every fire completes before the next.
 */
class ClusteredSchedulerIT {

    private static final String USER = PostgresServer.USER;
    private static final long EVERY = 5_000;
    private static final long CHECKIN = 2_000;

    @TempDir
    Path dir;

    @Test
    void eachFireRunsOnceAcrossTheClusterAndTheSurvivorKeepsFiring() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            String url = postgres.createDatabase("shequ_ops");
            Path configA = node("a", url);
            Path configB = node("b", url);

            SchedulerNode a = SchedulerNode.start("a", configA, dir.resolve("a.log"));
            Map<String, SchedulerNode> byInstance = new HashMap<>();
            SchedulerNode b = null;
            try {
                byInstance.put(a.awaitRunning(150_000), a);
                b = SchedulerNode.start("b", configB, dir.resolve("b.log"));
                byInstance.put(b.awaitRunning(150_000), b);
                Thread.sleep(30_000);

                String lastFiredOn = latestInstance(url);
                SchedulerNode victim = byInstance.get(lastFiredOn);
                assertThat(victim)
                        .as("the node that ran the latest fire is one of ours: " + lastFiredOn)
                        .isNotNull();
                victim.kill();
                Instant killedAt = Instant.now();
                String survivorId = byInstance.keySet().stream()
                        .filter(id -> !id.equals(lastFiredOn))
                        .findFirst()
                        .orElseThrow();
                SchedulerNode survivor = byInstance.get(survivorId);
                Thread.sleep(30_000);
                assertThat(survivor.alive())
                        .as("the survivor still runs:\n" + survivor.output())
                        .isTrue();
                survivor.stop();

                List<Fire> fires = fires(url);
                String story = fires.stream().map(Fire::toString).reduce("", (x, y) -> x + y + "\n");
                Map<Long, Integer> perTime = new HashMap<>();
                fires.forEach(f -> perTime.merge(f.scheduledMillis(), 1, Integer::sum));
                assertThat(perTime.values())
                        .as("each scheduled time ran on exactly one node:\n" + story)
                        .containsOnly(1);
                assertThat(fires.stream().filter(f -> f.instance().equals(lastFiredOn)))
                        .as("the killed node fired")
                        .isNotEmpty();

                long afterTakeover = killedAt.toEpochMilli() + CHECKIN;
                List<Fire> later = fires.stream()
                        .filter(f -> f.scheduledMillis() > afterTakeover)
                        .toList();
                assertThat(later)
                        .as("fires after the kill:\n" + story)
                        .hasSizeGreaterThanOrEqualTo(4)
                        .allMatch(f -> f.instance().equals(survivorId), "all on the survivor")
                        .allMatch(f -> f.exitCode() != null && f.exitCode() == 0, "all completed with exit code 0");
                for (int i = 1; i < fires.size(); i++) {
                    assertThat(fires.get(i).scheduledMillis() - fires.get(i - 1).scheduledMillis())
                            .as("no scheduled time skipped, none doubled, across the kill:\n" + story)
                            .isEqualTo(EVERY);
                }

                try (Connection c = DriverManager.getConnection(url, USER, "")) {
                    assertThat(
                                    count(
                                            c,
                                            "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                                                    + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'shequQuarantinePurge' AND e.STATUS = 'COMPLETED'"))
                            .as("one completed job execution in the job repository per completed fire")
                            .isEqualTo(fires.stream()
                                    .filter(f -> f.exitCode() != null && f.exitCode() == 0)
                                    .count());
                    assertThat(count(
                                    c,
                                    "SELECT COUNT(*) FROM shequ_scheduled_fire f JOIN BATCH_JOB_EXECUTION_PARAMS p "
                                            + "ON p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = f.run_id"))
                            .as("each fire's run id is a job execution's run id")
                            .isEqualTo(fires.stream()
                                    .filter(f -> f.runId() != null)
                                    .count());
                    assertThat(
                                    count(
                                            c,
                                            "SELECT MIN(MISFIRE_INSTR) * 10 + MAX(MISFIRE_INSTR) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'shequ'"))
                            .as("a missed fire runs once now (CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW = 1)")
                            .isEqualTo(11);
                    assertThat(
                                    count(
                                            c,
                                            "SELECT SUM(s.WRITE_COUNT) FROM BATCH_STEP_EXECUTION s WHERE s.STEP_NAME = 'purge'"))
                            .as("the one expired quarantine file of each node's home purged, once")
                            .isEqualTo(2);
                }
                assertThat(dir.resolve("a/quarantine/20200101T000000Z-0001"))
                        .as("expired quarantine purged")
                        .doesNotExist();
                assertThat(dir.resolve("b/quarantine/20200101T000000Z-0001"))
                        .as("expired quarantine purged")
                        .doesNotExist();

                StringWriter listed = new StringWriter();
                int exit = new CommandLine(new ShequMain())
                        .setOut(new PrintWriter(listed))
                        .execute("runs", "--config", configA.toString(), "--limit", "3");
                assertThat(exit).isZero();
                assertThat(listed.toString().lines().skip(1).toList())
                        .as(listed.toString())
                        .hasSize(3)
                        .allMatch(line -> line.contains("shequQuarantinePurge")
                                && line.contains("COMPLETED")
                                && line.strip().endsWith(" 0"));
            } finally {
                a.kill();
                if (b != null) {
                    b.kill();
                }
            }
        }
    }

    /** A node's home and shequ.yml: its own home, the shared PostgreSQL job repository and store. */
    private Path node(String name, String url) throws Exception {
        Path home = dir.resolve(name);
        Path expired = home.resolve("quarantine/20200101T000000Z-0001/stage_street_office_reports/part-0.jsonl");
        Files.createDirectories(expired.getParent());
        Files.writeString(expired, "{}\n");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(expired, old);
        Files.setLastModifiedTime(expired.getParent(), old);
        Files.setLastModifiedTime(expired.getParent().getParent(), old);
        Path key = home.resolve("pseudonym.key");
        OwnerOnly.writeString(key, "cluster-test-key-0123456789abcdef0123456789");
        Path config = home.resolve("shequ.yml");
        Files.writeString(config, """
                home: .
                districts: ["370103"]
                spark:
                  master: "local[1]"
                  shuffle-partitions: 1
                job-repository:
                  url: "%s"
                  user: %s
                scheduler:
                  clustered: true
                  checkin-interval-ms: %d
                schedules:
                  - name: purge-every-5s
                    cron: "0/5 * * * * ?"
                    job: quarantine-purge
                pseudonymization:
                  key-file: pseudonym.key
                metrics:
                  registry: simple
                """.formatted(url, USER, CHECKIN));
        return config;
    }

    private record Fire(long scheduledMillis, String instance, String runId, Integer exitCode) {
        @Override
        public String toString() {
            return Instant.ofEpochMilli(scheduledMillis) + " " + instance + " " + runId + " exit " + exitCode;
        }
    }

    private static List<Fire> fires(String url) throws Exception {
        List<Fire> fires = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, USER, "");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT scheduled_at, instance_id, run_id, exit_code FROM shequ_scheduled_fire ORDER BY scheduled_at, fired_at")) {
            while (rs.next()) {
                int exit = rs.getInt(4);
                fires.add(new Fire(
                        rs.getTimestamp(1).getTime(), rs.getString(2), rs.getString(3), rs.wasNull() ? null : exit));
            }
        }
        return fires;
    }

    private static String latestInstance(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, USER, "");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT instance_id FROM shequ_scheduled_fire ORDER BY scheduled_at DESC LIMIT 1")) {
            assertThat(rs.next()).as("fires while both nodes ran").isTrue();
            return rs.getString(1);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
