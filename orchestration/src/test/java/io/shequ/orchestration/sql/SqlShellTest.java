package io.shequ.orchestration.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.admit.FormulaGuard;
import io.shequ.orchestration.cli.ShequMain;
import io.shequ.schemas.home.OwnerOnly;
import io.shequ.warehouse.PublishedWarehouses;
import io.shequ.warehouse.WarehouseReader;
import io.shequ.warehouse.serve.Role;
import io.shequ.warehouse.serve.ServeSettings;
import io.shequ.warehouse.serve.ServeUsers;
import io.shequ.warehouse.serve.WarehouseFlightServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./shequ sql} driven without a terminal (-c and standard input) on a small published
 * warehouse: aligned tables, the readers' sandbox and row cap, and exports reopened.
 */
class SqlShellTest {

    @TempDir
    static Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void publish() throws Exception {
        PublishedWarehouses.publish(home, 1);
    }

    /** Runs {@code shequ sql} with {@code stdin} as standard input; returns the exit code. */
    private int sql(String stdin, String... args) {
        InputStream saved = System.in;
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            List<String> all = new ArrayList<>(List.of("sql", "--home", home.toString()));
            all.addAll(List.of(args));
            return ShequMain.execute(all.toArray(String[]::new));
        } finally {
            System.setIn(saved);
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aQueryPrintsAnAlignedTableWithItsRowCountAndTime() {
        assertThat(sql("", "-c", "SELECT 'gird' AS name, 7 AS n UNION ALL SELECT '大观园街道', 12345 ORDER BY n"))
                .isZero();
        String[] lines = output().split("\n");
        assertThat(lines).as(output()).hasSize(5);
        assertThat(lines[0]).isEqualTo(" name       | n");
        assertThat(lines[1]).isEqualTo("------------+-------");
        assertThat(lines[2]).as("numbers right-aligned").isEqualTo(" gird       |     7");
        assertThat(lines[3]).as("a Chinese character takes two columns").isEqualTo(" 大观园街道 | 12345");
        assertThat(lines[4]).matches("\\(2 rows, \\d+\\.\\d{3} s\\)");
    }

    @Test
    void theWarehouseTablesAreReadFromTheCurrentSnapshot() {
        assertThat(sql("", "-c", "SELECT min(iceberg_snapshot_id) AS first_id FROM meta_snapshot"))
                .as(errors())
                .isZero();
        assertThat(output()).as("generation 1's ids are 1101..").contains(" first_id", " 1101", "(1 row, ");
    }

    @Test
    void theSandboxRefusesFilesCopyAndSettingsAndTheShellGoesOn() {
        Path leak = home.resolve("leak.csv");
        String script = """
                SELECT * FROM read_csv('/etc/passwd');
                COPY (SELECT 1) TO '%s';
                SET enable_external_access = true;
                ATTACH '%s' AS other;
                SELECT 42 AS answer;
                """.formatted(leak, home.resolve("other.duckdb"));
        assertThat(sql(script)).as("exit 1: statements failed").isEqualTo(1);
        assertThat(errors().lines().filter(l -> l.startsWith("error: ")).count())
                .as(errors())
                .isEqualTo(4);
        assertThat(errors()).contains("Cannot access file \"/etc/passwd\"", "configuration has been locked");
        assertThat(output()).as("the shell went on after the refusals").contains(" 42", "(1 row, ");
        assertThat(leak).as("COPY wrote nothing").doesNotExist();
    }

    @Test
    void aResultOverTheReadersRowCapIsRefusedWhole() throws Exception {
        Path config = Files.writeString(home.resolve("capped.yml"), "serve:\n  max-result-rows: 10\n");
        assertThat(sql("SELECT * FROM range(11);\nSELECT * FROM range(10);\n", "--config", config.toString()))
                .isEqualTo(1);
        assertThat(errors()).contains("more than 10 rows");
        assertThat(output()).contains("(10 rows, ").doesNotContain("(11 rows");
    }

    @Test
    void overAFlightSqlServerTheShellLogsInAndTheServersRoleApplies() throws Exception {
        ServeUsers.read(ServeUsers.defaultFile(home)).put("ana", Role.ANALYST, "statistics-2023".toCharArray());
        Path password = OwnerOnly.writeString(home.resolve("ana.password"), "statistics-2023\n");
        ServeSettings settings = new ServeSettings(
                "127.0.0.1",
                0,
                null,
                null,
                true,
                ServeUsers.defaultFile(home),
                Duration.ofSeconds(30),
                2,
                1000,
                1,
                256L << 20);
        try (WarehouseFlightServer server = WarehouseFlightServer.start(home, settings)) {
            String url = "jdbc:arrow-flight-sql://localhost:" + server.port() + "/?useEncryption=false";
            assertThat(sql(
                            "SELECT min(iceberg_snapshot_id) AS first_id FROM meta_snapshot;\nSELECT count(*) FROM int_division_scope;\n\\d\n",
                            "--url",
                            url,
                            "--user",
                            "ana",
                            "--password-file",
                            password.toString()))
                    .as("the intermediate model's query is refused: " + errors())
                    .isEqualTo(1);
            assertThat(output())
                    .as("read over Flight SQL")
                    .contains(" 1101", "(1 row, ")
                    .contains("mart_indicators")
                    .as("the analyst's \\d has no intermediate model")
                    .doesNotContain("int_division_scope");
            assertThat(errors()).contains("int_division_scope");
            out.reset();
            err.reset();
            assertThat(sql("", "--url", url + "&password=statistics-2023", "--user", "ana", "-c", "SELECT 1"))
                    .as("a password in the URL is refused")
                    .isEqualTo(2);
            assertThat(errors()).contains("never goes in the URL");
        }
    }

    @Test
    void describeListsTablesAndColumns() {
        assertThat(sql("\\d\n\\d mart_indicators\n\\d no_such_table\n")).isEqualTo(1);
        assertThat(output())
                .as("the tables, each lake table once; no system views")
                .containsPattern(" main +\\| mart_indicators +\\| TABLE")
                .containsPattern(" main +\\| fct_grid_events +\\| TABLE")
                .doesNotContainPattern(" lake +\\|")
                .doesNotContain("information_schema", "duckdb_tables");
        assertThat(output()).as("described").contains("table mart_indicators").containsPattern(" year +\\| INTEGER");
        assertThat(errors()).contains("no table or view named no_such_table");
    }

    @Test
    void exportWritesTheLastResultToCsvAndXlsxWithEqualValues() throws Exception {
        Path csv = home.resolve("indicators.csv");
        Path xlsx = home.resolve("indicators.xlsx");
        String query = "SELECT division_code, indicator, year, value, numerator, '=1+1' AS formula_like"
                + " FROM mart_indicators ORDER BY ALL LIMIT 50";
        assertThat(sql(query + ";\n\\export " + csv + "\n\\export " + xlsx + "\n"))
                .as(errors())
                .isZero();
        assertThat(output()).contains("wrote 50 rows to " + csv, "wrote 50 rows to " + xlsx);

        List<List<Object>> expected;
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            expected = reader.query(query);
        }
        assertThat(expected).hasSize(50);

        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            assertThat(in.read()).as("a BOM first").isEqualTo('\uFEFF');
            records = CSVFormat.RFC4180.parse(in).getRecords();
        }
        assertThat(records.get(0).toList())
                .containsExactly("division_code", "indicator", "year", "value", "numerator", "formula_like");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            for (int r = 0; r < expected.size(); r++) {
                List<Object> row = expected.get(r);
                CSVRecord record = records.get(r + 1);
                Row cells = sheet.getRow(r + 1);
                assertThat(record.get(0)).as("code in CSV").isEqualTo(row.get(0));
                assertThat(record.get(5)).as("guarded against formulas").isEqualTo("'=1+1");
                assertThat(FormulaGuard.unescape(record.get(5))).isEqualTo("=1+1");
                assertThat(cells.getCell(0).getCellType())
                        .as("a division code is a text cell")
                        .isEqualTo(CellType.STRING);
                assertThat(cells.getCell(0).getStringCellValue()).isEqualTo(row.get(0));
                assertThat(cells.getCell(1).getStringCellValue()).isEqualTo(row.get(1));
                assertThat(cells.getCell(5).getStringCellValue()).isEqualTo("=1+1");
                for (int c : new int[] {2, 3, 4}) {
                    Object value = row.get(c);
                    Cell cell = cells.getCell(c);
                    if (value == null) {
                        assertThat(cell).as("NULL is an empty cell").isNull();
                        assertThat(record.get(c)).isEmpty();
                    } else {
                        BigDecimal number = new BigDecimal(value.toString());
                        assertThat(cell.getCellType())
                                .as("column " + c + " numeric")
                                .isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
                                .as("xlsx column " + c)
                                .isEqualByComparingTo(number);
                        assertThat(new BigDecimal(record.get(c)))
                                .as("csv column " + c)
                                .isEqualByComparingTo(number);
                    }
                }
            }
        }
        assertThat(Files.getPosixFilePermissions(xlsx))
                .as("owner-only")
                .allMatch(p -> p.name().startsWith("OWNER"));
    }
}
