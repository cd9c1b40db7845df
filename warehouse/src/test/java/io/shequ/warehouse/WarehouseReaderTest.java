package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.data.Percentage;
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
            assertThat(reader.query("SELECT count(*) FROM mart_indicators")
                            .get(0)
                            .get(0))
                    .as("its own tables are readable")
                    .isNotEqualTo(0L);
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
            assertThat(streets2023)
                    .as("two streets in 2023")
                    .isNotEmpty()
                    .allSatisfy(v -> assertThat(v.divisionLevel() + v.year()).isEqualTo("street2023"));
            assertThat(all).containsAll(streets2023);
            assertThat(reader.indicators("city", null))
                    .extracting(IndicatorValue::year)
                    .containsOnly(2022, 2023, 2024);
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
        assertThat(url)
                .as("settings after ';' - a '?' would become part of the file name")
                .startsWith("jdbc:duckdb:" + home.toAbsolutePath().resolve("warehouse/current.duckdb") + ";")
                .contains("duckdb.read_only=true");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT count(*) FROM mart_indicators WHERE indicator = 'units'");
            rows.next();
            assertThat(rows.getLong(1)).isPositive();
            assertThatThrownBy(() -> statement.execute("CREATE TABLE scratch (x INTEGER)"))
                    .as("read-only")
                    .hasMessageContaining("read-only");
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT * FROM read_csv('/etc/passwd')"))
                    .as("sandboxed")
                    .hasMessageContaining("disabled");
        }
    }

    @Test
    void aReaderIsBoundedInThreadsMemoryAndSpillOutsideTheSnapshotFolder() throws Exception {
        DuckDbResources machine = DuckDbResources.fromMachine(home);
        Path spill;
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            List<Object> settings = reader.query("SELECT current_setting('threads'), current_setting('memory_limit'),"
                            + " current_setting('temp_directory'), current_setting('max_temp_directory_size')")
                    .get(0);
            assertThat(((Number) settings.get(0)).intValue()).as("threads").isEqualTo(machine.threads());
            assertThat(settings.get(1))
                    .as("memory_limit, sized from the machine")
                    .isEqualTo(shown(machine));
            spill = Path.of(settings.get(2).toString());
            assertThat(spill)
                    .as("temp_directory: a folder of this reader's own, outside the snapshots")
                    .startsWith(home.toAbsolutePath().resolve("work/reader-spill"))
                    .isDirectory();
            assertThat(bytes(settings.get(3).toString()))
                    .as("max_temp_directory_size: half the free disk (which moves)")
                    .isCloseTo(machine.maxSpillBytes(), Percentage.withPercentage(5));
            assertThatThrownBy(() -> reader.query("SET memory_limit = '100GB'"))
                    .as("locked")
                    .isInstanceOf(WarehouseException.class)
                    .hasMessageContaining("lock");
        }
        assertThat(spill).as("removed when the reader closes").doesNotExist();
    }

    @Test
    void theBiJdbcUrlIsBoundedAsSizedForThisMachine() throws Exception {
        DuckDbResources machine = DuckDbResources.fromMachine(home);
        String url;
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            url = reader.jdbcUrl();
        }
        Path biSpill = home.toAbsolutePath().resolve("work/bi-spill");
        assertThat(url)
                .contains(
                        ";threads=" + machine.threads() + ";",
                        ";memory_limit=",
                        ";max_temp_directory_size=",
                        ";temp_directory=" + biSpill + ";");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT current_setting('threads'), current_setting('memory_limit'),"
                        + " current_setting('temp_directory'), current_setting('max_temp_directory_size')")) {
            rows.next();
            assertThat(rows.getInt(1)).as("threads").isEqualTo(machine.threads());
            assertThat(rows.getString(2)).as("memory_limit").isEqualTo(shown(machine));
            assertThat(rows.getString(3)).as("temp_directory").isEqualTo(biSpill.toString());
            assertThat(bytes(rows.getString(4)))
                    .as("max_temp_directory_size: half the free disk (which moves)")
                    .isCloseTo(machine.maxSpillBytes(), Percentage.withPercentage(5));
            assertThatThrownBy(() -> statement.execute("SET threads = 64"))
                    .as("locked")
                    .hasMessageContaining("locked");
        }
        assertThat(biSpill).as("created, owner-only").isDirectory();
    }

    /** memory_limit as DuckDB shows it once set to {@code resources}' (e.g. {@code 3.7 GiB}). */
    private static String shown(DuckDbResources resources) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = db.createStatement()) {
            s.execute(resources.settings()[1]);
            try (var rows = s.executeQuery("SELECT current_setting('memory_limit')")) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** A size as DuckDB shows it ({@code 93.1 GiB}) in bytes. */
    private static double bytes(String shown) {
        String[] parts = shown.trim().split(" ");
        int power = List.of("bytes", "KiB", "MiB", "GiB", "TiB", "PiB").indexOf(parts[1]);
        assertThat(power).as("a unit DuckDB uses: " + shown).isNotNegative();
        return Double.parseDouble(parts[0]) * Math.pow(1024, power);
    }

    @Test
    void refusesToOpenBeforeAnythingIsPublished(@TempDir Path empty) {
        assertThatThrownBy(() -> WarehouseReader.open(empty)).isInstanceOf(IllegalStateException.class);
    }
}
