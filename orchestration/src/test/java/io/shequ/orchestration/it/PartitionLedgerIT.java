package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.jobs.partition.Partition;
import io.shequ.jobs.partition.PartitionLedger;
import io.shequ.jobs.partition.ScopePlanner;
import io.shequ.orchestration.partition.ConfiguredSources;
import java.time.LocalDate;
import io.shequ.jobs.pipeline.steps.ExtractStep;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.cli.ShequMain;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.simulator.Mess;
import io.shequ.orchestration.simulator.SimulationResult;
import io.shequ.orchestration.simulator.SimulationSpec;
import io.shequ.orchestration.simulator.SourceSimulator;
import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partition ledger on the real pipeline: after a run it holds exactly the street office ×
 * month partitions the sample's files make (worked out here from the file names and the NBS
 * list), a deleted office-month shows as missing in {@code shequ status}, an unreadable file's
 * partition is quarantined until {@code shequ retry} reruns it (and nothing outside its lake
 * month), and a backfill of January reprocesses exactly January and leaves the lake as a full
 * run on the same sources makes it.
 */
class PartitionLedgerIT {

    private static final String DISTRICT = "370103";
    private static final Pattern MONTH_FILE = Pattern.compile("(\\d{4})年(\\d{2})月");

    @TempDir
    Path home;

    @Test
    void ledgerStatusRetryAndBackfill() throws Exception {
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse(DISTRICT), 2023, 11).withMonths(2).withEventsPerCommunity(1)
                        .withContracts(4).withMess(Mess.none()),
                home.resolve("sources"));
        List<Path> reports = reportFiles(sample.streetOfficeFolder());
        List<Path> february = reports.stream().filter(f -> f.getFileName().toString().contains("年02月")).toList();
        assertThat(february).as("the sample has February reports of several offices").hasSizeGreaterThan(2);
        Path deleted = february.get(0);
        Path broken = february.get(1);
        Files.delete(deleted);
        byte[] good = Files.readAllBytes(broken);
        byte[] garbage = new byte[512];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(broken, garbage);

        Path config = DemoCommand.writeConfig(home, DISTRICT, sample);
        Files.writeString(config, Files.readString(config) + """
                freshness:
                  street-offices: {due: P10D, from: 2023-01, to: 2023-02}
                  grid-system: {to: 2023-02-28}
                  procurement: {to: 2023}
                """);
        Map<String, String> codes = streetCodes();
        String deletedKey = keyOf(deleted, codes);
        String brokenKey = keyOf(broken, codes);

        String firstRun;
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome run = runtime.runOnce();
            assertThat(run.exitCode()).as("the run succeeds (unreadable files tolerated)").isZero();
            firstRun = run.runId();
            Map<String, Partition> streets = streets(runtime);
            Set<String> expected = reportFiles(sample.streetOfficeFolder()).stream().map(f -> keyOf(f, codes))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(streets.keySet())).as("one partition per office × month of the files present")
                    .isEqualTo(expected).doesNotContain(deletedKey).contains(brokenKey);
            assertThat(streets.get(brokenKey).status()).as("the unreadable file's partition").isEqualTo(Partition.QUARANTINED);
            assertThat(streets.values().stream().filter(p -> !p.key().equals(brokenKey)).map(Partition::status).distinct())
                    .as("every other partition loaded").containsExactly(Partition.LOADED);
            assertThat(streets.values()).allSatisfy(p -> assertThat(p.runId()).isEqualTo(run.runId()));
            assertThat(streets.get(brokenKey).sha256()).as("the sha of the bytes that arrived")
                    .containsExactly(sha256(garbage));
            JsonNode summary = new ObjectMapper().readTree(run.summary().toFile());
            assertThat(summary.path("partitions").path("quarantined").asInt()).isEqualTo(1);
            assertThat(summary.path("freshness").path("missing").findValuesAsText("key"))
                    .as("the run summary lists the missing office-month").contains(deletedKey);

            assertThat(ShequMain.execute("backfill", "--config", config.toString(), "--from", "2023-02-01",
                    "--to", "2023-01-01")).as("a range ending before it starts is bad usage").isEqualTo(2);
            String status = capture("status", "--config", config.toString());
            assertThat(status).as("status lists the missing office-month")
                    .contains("missing  " + ExtractStep.STREET_OFFICES + "  " + deletedKey)
                    .contains("quarantined  " + ExtractStep.STREET_OFFICES + "  " + brokenKey)
                    .as("the sample's periods arrived years after their windows").contains("late  ");

            Files.write(broken, good);
            // what `shequ retry` and `shequ backfill` do, in this runtime so the test starts Spark once
            assertThat(runtime.runOnce(new ScopePlanner(ledger(runtime)).retry(ConfiguredSources.of(runtime.config())))
                    .exitCode()).as("the retry succeeds").isZero();
            String retryRun;
            { // the retry's ledger
                Map<String, Partition> afterRetry = streets(runtime);
                retryRun = afterRetry.get(brokenKey).runId();
                assertThat(retryRun).isNotEqualTo(firstRun);
                assertThat(afterRetry.get(brokenKey).status()).as("the replaced file loaded on retry").isEqualTo(Partition.LOADED);
                assertThat(afterRetry.get(brokenKey).runKind()).isEqualTo("retry");
                assertThat(afterRetry.values().stream().filter(p -> p.key().endsWith("2023-01")))
                        .as("January, outside the failed partition's lake month, is not rerun")
                        .allSatisfy(p -> assertThat(p.runId()).isEqualTo(firstRun));
                assertThat(afterRetry.values().stream().filter(p -> p.key().endsWith("2023-02")))
                        .allSatisfy(p -> assertThat(p.runId()).isEqualTo(retryRun));
                assertThat(ledger(runtime).stream().filter(p -> !p.source().equals(ExtractStep.STREET_OFFICES)))
                        .as("other sources are untouched by the retry").allSatisfy(p -> assertThat(p.runId()).isEqualTo(firstRun));
            }

            assertThat(runtime.runOnce(new ScopePlanner(ledger(runtime)).backfill(LocalDate.of(2023, 1, 1),
                    LocalDate.of(2023, 1, 31), ConfiguredSources.of(runtime.config()))).exitCode())
                    .as("the backfill succeeds").isZero();
            {
                List<Partition> ledger = ledger(runtime);
                String backfillRun = ledger.stream().filter(p -> "backfill".equals(p.runKind())).map(Partition::runId)
                        .findFirst().orElseThrow();
                Map<String, Partition> afterBackfill = streets(runtime);
                assertThat(afterBackfill.values().stream().filter(p -> p.key().endsWith("2023-01")))
                        .as("every January office-month reprocessed").isNotEmpty()
                        .allSatisfy(p -> assertThat(p.runId()).isEqualTo(backfillRun));
                assertThat(afterBackfill.values().stream().filter(p -> p.key().endsWith("2023-02")))
                        .as("February untouched").allSatisfy(p -> assertThat(p.runId()).isEqualTo(retryRun));
                assertThat(ledger.stream().filter(p -> p.source().equals("grid_system") && p.runId().equals(backfillRun)))
                        .as("the grid re-extracted by updated_at within January only").isNotEmpty()
                        .allSatisfy(p -> assertThat(p.periodStart().getMonthValue()).isEqualTo(1));

                PipelineRuntime.Outcome full = runtime.runOnce();
                assertThat(full.exitCode()).isZero();
                LakeGuarantees.assertSameLakeContents(home, backfillRun, full.runId());
            }
        }
    }

    private static List<Path> reportFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".xlsx") || f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** The NBS code of each street office of the district, by its official name (the sample writes official names). */
    private static Map<String, String> streetCodes() {
        DivisionCode district = DivisionCode.parse(DISTRICT);
        return NbsDivisions.bundled2023(List.of(district.ancestor(DivisionLevel.CITY))).within(district, DivisionLevel.TOWNSHIP)
                .stream().collect(Collectors.toMap(Division::name, d -> d.code().value(), (a, b) -> a));
    }

    /** street code / month from {@code <street>/<street>_2023年02月….xlsx}. */
    private static String keyOf(Path file, Map<String, String> codes) {
        String street = file.getParent().getFileName().toString();
        Matcher m = MONTH_FILE.matcher(file.getFileName().toString());
        assertThat(m.find()).as("a monthly report name: %s", file).isTrue();
        assertThat(codes).as("an official street name: %s", street).containsKey(street);
        return codes.get(street) + "/" + m.group(1) + "-" + m.group(2);
    }

    private static List<Partition> ledger(PipelineRuntime runtime) {
        return new PartitionLedger(runtime.dataSource()).all();
    }

    private static Map<String, Partition> streets(PipelineRuntime runtime) {
        return ledger(runtime).stream().filter(p -> p.source().equals(ExtractStep.STREET_OFFICES))
                .collect(Collectors.toMap(Partition::key, Function.identity()));
    }

    private static String capture(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(ShequMain.execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
