package io.shequ.orchestration.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code shequ generate}: volumes follow the scale, the password stays in an owner-only file, bad usage exits 2. */
class GenerateCommandTest {

    /** 济南市市中区: 216 village-level units. */
    private static final int COMMUNITIES = 216;

    @Test
    void scaleSetsEventsAndContractsAndThePasswordGoesToAnOwnerOnlyFile(@TempDir Path out) throws Exception {
        Run run = run(
                "generate",
                "--district",
                "370103",
                "--year",
                "2023",
                "--months",
                "1",
                "--scale",
                "0.1",
                "--mess",
                "none",
                "--seed",
                "9",
                "--out",
                out.toString());

        assertThat(run.exit).as(run.err).isZero();
        Path truth = out.resolve("ground-truth");
        assertThat(lines(truth.resolve("grid-events.csv")))
                .as("30 events per community at scale 0.1")
                .isEqualTo(COMMUNITIES * 30);
        assertThat(lines(truth.resolve("contracts.csv")))
                .as("4 contracts at scale 0.1")
                .isEqualTo(4);
        assertThat(lines(truth.resolve("report-rows.csv")))
                .as("one month of every community")
                .isEqualTo(COMMUNITIES);

        Path password = out.resolve("grid-system/password");
        assertThat(Files.getPosixFilePermissions(password)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String secret = Files.readString(password).strip();
        assertThat(secret).isNotEmpty();
        assertThat(run.out)
                .as("the summary names the files and the password file, not the password")
                .contains("street-office reports:", "ground truth:", password.toString())
                .doesNotContain(secret);
    }

    @Test
    void gridUrlTakesThePasswordFromTheEnvironmentAndWritesNoPasswordFile(@TempDir Path out, @TempDir Path vendor)
            throws Exception {
        String url = "jdbc:h2:file:" + vendor.resolve("grid");
        String secret = "pw-from-env-4711";
        GenerateRun run = GenerateRun.with(
                Map.of("SHEQU_GRID_PW", secret),
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
                "3",
                "--out",
                out.toString(),
                "--grid-url",
                url,
                "--grid-user",
                "vendor",
                "--grid-password-env",
                "SHEQU_GRID_PW");

        assertThat(run.exit()).as(run.err()).isZero();
        long events;
        try (Connection db = DriverManager.getConnection(url, "vendor", secret);
                ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM event")) {
            rs.next();
            events = rs.getLong(1);
        }
        assertThat(events)
                .as("every event of the ground truth is in the database at --grid-url")
                .isEqualTo(GenerateRun.truthRows(out.resolve("ground-truth/grid-events.csv")))
                .isPositive();
        assertThatThrownBy(() ->
                        DriverManager.getConnection(url, "vendor", "wrong").close())
                .as("the database was created with the password from the environment")
                .isInstanceOf(SQLException.class);
        assertThat(out.resolve("grid-system"))
                .as("neither an H2 file nor a password file under --out")
                .doesNotExist();
        assertThat(run.out())
                .as("the summary names the URL and the variable, never the password")
                .contains(url, "SHEQU_GRID_PW")
                .doesNotContain(secret);
    }

    @Test
    void aPasswordVariableThatIsNotSetIsBadUsage(@TempDir Path out) {
        GenerateRun run = GenerateRun.with(
                Map.of(),
                "--district",
                "370103",
                "--year",
                "2023",
                "--out",
                out.toString(),
                "--grid-url",
                "jdbc:h2:mem:x",
                "--grid-password-env",
                "SHEQU_NOT_SET");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--grid-password-env", "SHEQU_NOT_SET");
        assertThat(out.resolve("ground-truth")).as("nothing generated").doesNotExist();
    }

    @Test
    void helpDescribesTheOptions() {
        Run run = run("generate", "--help");
        assertThat(run.exit).isZero();
        assertThat(run.out)
                .contains(
                        "--district",
                        "--city",
                        "--scale",
                        "--mess",
                        "--mess-rate",
                        "--out",
                        "--grid-url",
                        "--grid-user",
                        "--grid-password-env");
    }

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of(List.of("--year", "2023", "--out", "x"), "--district"),
                Arguments.of(
                        List.of("--district", "370103", "--city", "3701", "--year", "2023", "--out", "x"),
                        "mutually exclusive"),
                Arguments.of(List.of("--district", "3701", "--year", "2023", "--out", "x"), "--district"),
                Arguments.of(List.of("--city", "370103", "--year", "2023", "--out", "x"), "--city"),
                Arguments.of(List.of("--district", "370103", "--out", "x"), "--year"),
                Arguments.of(List.of("--district", "370103", "--year", "2023"), "--out"),
                Arguments.of(
                        List.of("--district", "370103", "--year", "2023", "--months", "13", "--out", "x"), "--months"),
                Arguments.of(
                        List.of("--district", "370103", "--year", "2023", "--scale", "0", "--out", "x"), "--scale"),
                Arguments.of(
                        List.of("--district", "370103", "--year", "2023", "--mess", "extreme", "--out", "x"), "--mess"),
                Arguments.of(
                        List.of("--district", "370103", "--year", "2023", "--mess-rate", "chaos=0.1", "--out", "x"),
                        "--mess-rate"),
                Arguments.of(
                        List.of("--district", "370103", "--year", "2023", "--mess-rate", "bad-value=2", "--out", "x"),
                        "--mess-rate"),
                Arguments.of(
                        List.of(
                                "--district",
                                "370103",
                                "--year",
                                "2023",
                                "--grid-url",
                                "postgres://h/db",
                                "--out",
                                "x"),
                        "--grid-url"),
                Arguments.of(
                        List.of("--district", "370103", "--year", "2023", "--grid-user", "u", "--out", "x"),
                        "--grid-url"));
    }

    @ParameterizedTest
    @MethodSource("badUsage")
    void badUsageExitsTwoNamingTheOption(List<String> args, String named) {
        Run run = run(Stream.concat(Stream.of("generate"), args.stream()).toArray(String[]::new));
        assertThat(run.exit).as(run.err).isEqualTo(2);
        assertThat(run.err).as("the message names what is wrong").contains(named);
    }

    private static long lines(Path csv) throws Exception {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.count() - 1;
        }
    }

    private record Run(int exit, String out, String err) {}

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = ShequMain.execute(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
