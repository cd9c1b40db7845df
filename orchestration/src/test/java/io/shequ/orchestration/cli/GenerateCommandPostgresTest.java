package io.shequ.orchestration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.orchestration.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shequ generate --grid-url} on a real PostgreSQL server, for a district and for a city. */
class GenerateCommandPostgresTest {

    private static final String USER = PostgresServer.USER;

    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        postgres.createDatabase("district_grid");
        postgres.createDatabase("city_grid");
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDistrictsGridDatabaseGoesToPostgres(@TempDir Path out) throws Exception {
        String url = postgres.url("district_grid");
        GenerateRun run = GenerateRun.with(
                Map.of(),
                "--district",
                "370103",
                "--year",
                "2023",
                "--months",
                "1",
                "--scale",
                "0.02",
                "--mess",
                "heavy",
                "--seed",
                "5",
                "--out",
                out.toString(),
                "--grid-url",
                url,
                "--grid-user",
                USER);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM event"))
                .as("the ground truth's events, on PostgreSQL")
                .isEqualTo(GenerateRun.truthRows(out.resolve("ground-truth/grid-events.csv")))
                .isPositive();
        assertThat(out.resolve("grid-system")).as("no H2 file under --out").doesNotExist();
        assertThat(run.out()).contains(url);
    }

    @Test
    void aCitysGridDatabaseGoesToPostgres(@TempDir Path out) throws Exception {
        String url = postgres.url("city_grid");
        // 三沙市: the smallest city of the list, three districts
        GenerateRun run = GenerateRun.with(
                Map.of(),
                "--city",
                "4603",
                "--year",
                "2023",
                "--months",
                "1",
                "--scale",
                "0.05",
                "--mess",
                "typical",
                "--seed",
                "5",
                "--out",
                out.toString(),
                "--grid-url",
                url,
                "--grid-user",
                USER);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM event"))
                .as("every district's events in the one database")
                .isEqualTo(GenerateRun.truthRows(out.resolve("ground-truth/grid-events.csv")))
                .isPositive();
        assertThat(count(url, "SELECT COUNT(DISTINCT SUBSTRING(community_code, 1, 6)) FROM grid"))
                .as("grids of the city's three districts")
                .isEqualTo(3);
        assertThat(out.resolve("grid-system")).as("no H2 file under --out").doesNotExist();
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(url, USER, "");
                ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
