package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.jobs.partition.Partition;
import io.shequ.jobs.partition.PartitionLedger;
import io.shequ.jobs.source.Source;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.testing.PostgresServer;
import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import io.shequ.simulator.Mess;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The partition ledger, {@code status}, {@code retry} and {@code backfill} on real processes: each
 * command runs in a child JVM through the command line, with the job repository and the lake's
 * Iceberg catalog in a real PostgreSQL. After a run the ledger holds exactly the street office ×
 * month partitions the sample's files make (worked out here from the file names and the NBS list),
 * a deleted office-month shows as missing in {@code shequ status}, an unreadable file's partition
 * is quarantined until {@code shequ retry} reruns it (and nothing outside its lake month), and a
 * backfill of January reprocesses exactly January and leaves the lake as a full run on the same
 * sources makes it.
 */
class PartitionLedgerIT {

    private static final String DISTRICT = "370103";
    private static final Pattern MONTH_FILE = Pattern.compile("(\\d{4})年(\\d{2})月");
    private static final Pattern RUN_ENDED = Pattern.compile("run (\\S+) ended with exit code (\\d+)");

    @TempDir
    Path home;

    @Test
    void ledgerStatusRetryAndBackfill() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            ledgerStatusRetryAndBackfill(postgres);
        }
    }

    private void ledgerStatusRetryAndBackfill(PostgresServer postgres) throws Exception {
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse(DISTRICT), 2023, 11)
                        .withMonths(2)
                        .withEventsPerCommunity(1)
                        .withContracts(4)
                        .withMess(Mess.none()),
                home.resolve("sources"));
        List<Path> reports = reportFiles(sample.streetOfficeFolder());
        List<Path> february = reports.stream()
                .filter(f -> f.getFileName().toString().contains("年02月"))
                .toList();
        assertThat(february)
                .as("the sample has February reports of several offices")
                .hasSizeGreaterThan(2);
        Path deleted = february.get(0);
        Path broken = february.get(1);
        Files.delete(deleted);
        byte[] good = Files.readAllBytes(broken);
        byte[] garbage = new byte[512];
        new Random(7).nextBytes(garbage);
        Files.write(broken, garbage);

        Path config = DemoCommand.writeConfig(home, DISTRICT, sample);
        Files.writeString(
                config,
                Files.readString(config)
                                .replace("local[*]", "local[2]")
                                .replace("shuffle-partitions: 4", "shuffle-partitions: 2")
                        + """
                freshness:
                  street-offices: {due: P10D, from: 2023-01, to: 2023-02}
                  grid-system: {to: 2023-02-28}
                  procurement: {to: 2023}
                """);
        String repository = postgres.moveHome(config, "ledger");
        ShequConfig configured = ConfigReader.read(config);
        assertThat(configured.jobRepository().url()).isEqualTo(repository);
        assertThat(configured.spark().master()).isEqualTo("local[2]");
        PartitionLedger partitions =
                new PartitionLedger(new DriverManagerDataSource(repository, PostgresServer.USER, ""));
        ShequProcess shequ = new ShequProcess(ShequProcess.cleanFolder(Path.of("target", "partition-ledger-it")));
        String cfg = config.toString();
        Map<String, String> codes = streetCodes();
        String deletedKey = keyOf(deleted, codes);
        String brokenKey = keyOf(broken, codes);

        String firstRun = endedRun(shequ.output(0, "run", "--config", cfg));
        Map<String, Partition> streets = streets(partitions);
        Set<String> expected = reportFiles(sample.streetOfficeFolder()).stream()
                .map(f -> keyOf(f, codes))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(streets.keySet()))
                .as("one partition per office × month of the files present")
                .isEqualTo(expected)
                .doesNotContain(deletedKey)
                .contains(brokenKey);
        assertThat(streets.get(brokenKey).status())
                .as("the unreadable file's partition")
                .isEqualTo(Partition.QUARANTINED);
        assertThat(streets.values().stream()
                        .filter(p -> !p.key().equals(brokenKey))
                        .map(Partition::status)
                        .distinct())
                .as("every other partition loaded")
                .containsExactly(Partition.LOADED);
        assertThat(streets.values()).allSatisfy(p -> assertThat(p.runId()).isEqualTo(firstRun));
        assertThat(streets.get(brokenKey).sha256())
                .as("the sha of the bytes that arrived")
                .containsExactly(sha256(garbage));
        JsonNode summary = new ObjectMapper()
                .readTree(home.resolve("runs")
                        .resolve(firstRun)
                        .resolve("summary.json")
                        .toFile());
        assertThat(summary.path("partitions").path("quarantined").asInt()).isEqualTo(1);
        assertThat(summary.path("freshness").path("missing").findValuesAsText("key"))
                .as("the run summary lists the missing office-month")
                .contains(deletedKey);

        assertThat(shequ.run("backfill", "--config", cfg, "--from", "2023-02-01", "--to", "2023-01-01"))
                .as("a range ending before it starts is bad usage")
                .isEqualTo(2);
        String status = shequ.output(0, "status", "--config", cfg);
        assertThat(status)
                .as("status lists the missing office-month")
                .contains("missing  " + Source.STREET_OFFICES.id() + "  " + deletedKey)
                .contains("quarantined  " + Source.STREET_OFFICES.id() + "  " + brokenKey)
                .as("the sample's periods arrived years after their windows")
                .contains("late  ");

        Files.write(broken, good);
        String retryRun = endedRun(shequ.output(0, "retry", "--config", cfg));
        Map<String, Partition> afterRetry = streets(partitions);
        assertThat(retryRun)
                .isNotEqualTo(firstRun)
                .isEqualTo(afterRetry.get(brokenKey).runId());
        assertThat(afterRetry.get(brokenKey).status())
                .as("the replaced file loaded on retry")
                .isEqualTo(Partition.LOADED);
        assertThat(afterRetry.get(brokenKey).runKind()).isEqualTo("retry");
        assertThat(afterRetry.values().stream().filter(p -> p.key().endsWith("2023-01")))
                .as("January, outside the failed partition's lake month, is not rerun")
                .allSatisfy(p -> assertThat(p.runId()).isEqualTo(firstRun));
        assertThat(afterRetry.values().stream().filter(p -> p.key().endsWith("2023-02")))
                .allSatisfy(p -> assertThat(p.runId()).isEqualTo(retryRun));
        assertThat(partitions.all().stream().filter(p -> !p.source().equals(Source.STREET_OFFICES.id())))
                .as("other sources are untouched by the retry")
                .allSatisfy(p -> assertThat(p.runId()).isEqualTo(firstRun));

        String backfillRun =
                endedRun(shequ.output(0, "backfill", "--config", cfg, "--from", "2023-01-01", "--to", "2023-01-31"));
        List<Partition> ledger = partitions.all();
        assertThat(ledger.stream()
                        .filter(p -> "backfill".equals(p.runKind()))
                        .map(Partition::runId)
                        .distinct())
                .as("the backfill's partitions")
                .containsExactly(backfillRun);
        Map<String, Partition> afterBackfill = streets(partitions);
        assertThat(afterBackfill.values().stream().filter(p -> p.key().endsWith("2023-01")))
                .as("every January office-month reprocessed")
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.runId()).isEqualTo(backfillRun));
        assertThat(afterBackfill.values().stream().filter(p -> p.key().endsWith("2023-02")))
                .as("February untouched")
                .allSatisfy(p -> assertThat(p.runId()).isEqualTo(retryRun));
        assertThat(ledger.stream()
                        .filter(p ->
                                p.source().equals("grid_system") && p.runId().equals(backfillRun)))
                .as("the grid re-extracted by updated_at within January only")
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.periodStart().getMonthValue()).isEqualTo(1));

        String fullRun = endedRun(shequ.output(0, "run", "--config", cfg));
        LakeGuarantees.assertSameLakeContents(home, backfillRun, fullRun);
        assertThat(home.resolve("state"))
                .as("no embedded H2 database in the home")
                .isDirectoryNotContaining("glob:**.mv.db");
    }

    /** The run id a run, retry or backfill command printed, which must have ended with exit code 0. */
    private static String endedRun(String output) {
        Matcher m = RUN_ENDED.matcher(output);
        assertThat(m.find())
                .as("the command says how its run ended:\n%s", output)
                .isTrue();
        assertThat(m.group(2)).as("the run's exit code:\n%s", output).isEqualTo("0");
        return m.group(1);
    }

    private static List<Path> reportFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".xlsx") || f.toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
    }

    /** The NBS code of each street office of the district, by its official name (the sample writes official names). */
    private static Map<String, String> streetCodes() {
        DivisionCode district = DivisionCode.parse(DISTRICT);
        return NbsDivisions.bundled2023(List.of(district.ancestor(DivisionLevel.CITY)))
                .within(district, DivisionLevel.TOWNSHIP)
                .stream()
                .collect(Collectors.toMap(Division::name, d -> d.code().value(), (a, b) -> a));
    }

    /** street code / month from {@code <street>/<street>_2023年02月….xlsx}. */
    private static String keyOf(Path file, Map<String, String> codes) {
        String street = file.getParent().getFileName().toString();
        Matcher m = MONTH_FILE.matcher(file.getFileName().toString());
        assertThat(m.find()).as("a monthly report name: %s", file).isTrue();
        assertThat(codes).as("an official street name: %s", street).containsKey(street);
        return codes.get(street) + "/" + m.group(1) + "-" + m.group(2);
    }

    private static Map<String, Partition> streets(PartitionLedger partitions) {
        return partitions.all().stream()
                .filter(p -> p.source().equals(Source.STREET_OFFICES.id()))
                .collect(Collectors.toMap(Partition::key, Function.identity()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
