package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseReaderTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void publish() throws Exception {
        TestLake.publishStandard(home);
    }

    @Test
    void sqlOnTheReaderCannotReachTheFileSystemOrChangeSettings() {
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            assertThat(reader.query("SELECT count(*) FROM mart_indicators").get(0).get(0))
                    .as("its own tables are readable").isNotEqualTo(0L);
            for (String sql : List.of(
                    "SELECT * FROM read_csv('/etc/passwd')",
                    "COPY (SELECT 1) TO '" + home.resolve("leak.csv") + "'",
                    "ATTACH '" + home.resolve("other.duckdb") + "'",
                    "SET enable_external_access = true",
                    "CREATE TABLE scratch (x INTEGER)")) {
                assertThatThrownBy(() -> reader.query(sql)).as(sql).isInstanceOf(WarehouseException.class);
            }
            assertThat(home.resolve("leak.csv")).doesNotExist();
        }
    }

    @Test
    void filtersIndicatorsByLevelAndYear() {
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            List<IndicatorValue> all = reader.indicators(null, null);
            List<IndicatorValue> streets2023 = reader.indicators("street", 2023);
            assertThat(streets2023).as("two streets in 2023").isNotEmpty()
                    .allSatisfy(v -> assertThat(v.divisionLevel() + v.year()).isEqualTo("street2023"));
            assertThat(all).containsAll(streets2023);
            assertThat(reader.indicators("city", null)).extracting(IndicatorValue::year).containsOnly(2022, 2023, 2024);
            assertThat(reader.indicators(null, 1999)).isEmpty();
            assertThatThrownBy(() -> reader.indicators("township", null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theBiJdbcUrlOpensTheCurrentSnapshotReadOnlyAndSandboxed() throws Exception {
        String url;
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            url = reader.jdbcUrl();
        }
        assertThat(url).as("settings after ';' - a '?' would become part of the file name")
                .startsWith("jdbc:duckdb:" + home.toAbsolutePath().resolve("warehouse/current.duckdb") + ";")
                .contains("duckdb.read_only=true");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT count(*) FROM mart_indicators WHERE indicator = 'units'");
            rows.next();
            assertThat(rows.getLong(1)).isPositive();
            assertThatThrownBy(() -> statement.execute("CREATE TABLE scratch (x INTEGER)")).as("read-only")
                    .hasMessageContaining("read-only");
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT * FROM read_csv('/etc/passwd')")).as("sandboxed")
                    .hasMessageContaining("disabled");
        }
    }

    @Test
    void refusesToOpenBeforeAnythingIsPublished(@TempDir Path empty) {
        assertThatThrownBy(() -> WarehouseReader.open(empty)).isInstanceOf(IllegalStateException.class);
    }
}
