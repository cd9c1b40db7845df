package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.code.CreditCode;
import io.shequ.schemas.value.AmountUnit;
import io.shequ.schemas.value.ChineseAmount;
import io.shequ.schemas.value.LooseDate;
import io.shequ.simulator.LedgerCells.Read;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The procurement ledgers at the typical mess level: every row is written exactly as
 * contracts.csv says, and every kind of ledger mess appears at about its rate.
 */
class LedgerMessTest {

    private static final int CONTRACTS = 1000;
    private static final String LEDGER = "procurement/市中区_2023年政府购买服务台账";

    @TempDir
    static Path xlsxOut;

    @TempDir
    static Path csvOut;

    private static Map<String, List<Map<String, String>>> truth = new HashMap<>();

    @BeforeAll
    static void simulate() throws Exception {
        for (Map.Entry<String, Path> run :
                Map.of("xlsx", xlsxOut, "csv", csvOut).entrySet()) {
            SimulationResult result = SourceSimulator.generate(spec(run.getKey()), run.getValue());
            truth.put(run.getKey(), LedgerCells.truth(result.groundTruthFolder().resolve("contracts.csv")));
        }
    }

    static SimulationSpec spec(String format) {
        Mess mess = Mess.typical().with(MessKind.LEDGER_CSV, format.equals("csv") ? 1.0 : 0.0);
        return SampleFiles.SMALL
                .withMonths(1)
                .withEventsPerCommunity(1)
                .withContracts(CONTRACTS)
                .withMess(mess);
    }

    private static Path out(String format) {
        return format.equals("csv") ? csvOut : xlsxOut;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void everyRowIsWrittenAsTheTruthSays(String format) throws Exception {
        Map<String, LedgerCells> files = new HashMap<>();
        for (Map<String, String> row : truth.get(format)) {
            String file = row.get("file");
            assertThat(file).as("the format asked for").endsWith("." + format);
            LedgerCells cells =
                    files.computeIfAbsent(file, f -> read(out(format).resolve(f)));
            int line = Integer.parseInt(row.get("line"));
            List<Read> written = cells.line(line);
            String what = file + " line " + line;
            assertThat(written.get(0).text()).as("project number on %s", what).isEqualTo(row.get("project_no"));
            checkCreditCode(row, written.get(LedgerWriter.CREDIT_CODE_COLUMN).text(), what);
            checkServed(row, written.get(LedgerWriter.SERVED_COLUMN).text(), what);
            String amountHeader = cells.text(format.equals("csv") ? 1 : 2, LedgerWriter.AMOUNT_COLUMN);
            checkAmount(row, written.get(LedgerWriter.AMOUNT_COLUMN), amountHeader, format, what);
            checkDates(
                    row,
                    written.get(LedgerWriter.SIGNED_COLUMN),
                    written.get(LedgerWriter.PERIOD_COLUMN).text(),
                    format,
                    what);
        }
    }

    private static void checkCreditCode(Map<String, String> row, String cell, String what) {
        String code = row.get("provider_credit_code");
        CreditCodeForm form = CreditCodeForm.valueOf(row.get("credit_code_form").toUpperCase());
        assertThat(cell).as("credit code on %s in form %s", what, form).isEqualTo(form.write(code));
        assertThat(cell.replace(" ", "").toUpperCase())
                .as("normalised on %s", what)
                .isEqualTo(code);
        boolean badCode = row.get("rule").equals("invalid_credit_code");
        assertThat(CreditCode.isValid(code))
                .as("check character of %s on %s", code, what)
                .isEqualTo(!badCode);
    }

    private static void checkServed(Map<String, String> row, String cell, String what) {
        assertThat(cell).as("served on %s", what).isEqualTo(row.get("served_written"));
        int codes = row.get("served_codes").split(";").length;
        switch (row.get("served_form")) {
            case "list" ->
                assertThat(codes == 1 || cell.contains("、")).as("、 on %s", what).isTrue();
            case "separator" ->
                assertThat(cell)
                        .as("another separator on %s", what)
                        .doesNotContain("、")
                        .containsAnyOf("，", ",", ";", "；");
            case "whole_street" -> assertThat(cell).isEqualTo("全街道");
            case "street_communities" ->
                assertThat(cell).as("on %s", what).matches(".+各社区").doesNotStartWith("全");
            case "whole_district" -> assertThat(cell).isEqualTo("全区");
            default -> throw new AssertionError("unknown served form " + row.get("served_form"));
        }
        String level = switch (row.get("served_form")) {
            case "list", "separator" -> "village";
            case "whole_district" -> "district";
            default -> "township";
        };
        assertThat(row.get("served_level")).as("level of %s", what).isEqualTo(level);
    }

    private static void checkAmount(Map<String, String> row, Read cell, String header, String format, String what) {
        String form = row.get("amount_form");
        if (form.equals("plain") || form.equals("wan_header")) {
            assertThat(header.contains("万元"))
                    .as("a (万元) header above %s bare numbers, on %s", form, what)
                    .isEqualTo(form.equals("wan_header"));
        }
        if (form.equals("pending")) {
            assertThat(cell.text()).isEqualTo("待定");
            assertThat(row.get("rule")).as("rule on %s", what).isEqualTo("invalid_amount");
            assertThat(row.get("amount_yuan")).isEmpty();
            assertThat(ChineseAmount.parse(cell.text()).isValid()).isFalse();
            return;
        }
        BigDecimal yuan = new BigDecimal(row.get("amount_yuan"));
        assertThat(ChineseAmount.parse(cell.text(), AmountUnit.fromHeader(header))
                        .yuan())
                .as("%s amount '%s' on %s under %s", form, cell.text(), what, header)
                .isEqualTo(yuan);
        switch (form) {
            case "plain", "wan_header" -> {
                assertThat(cell.text()).as("a bare number on %s", what).matches("\\d+(\\.\\d+)?");
                assertThat(cell.numeric()).as("numeric cell on %s", what).isEqualTo(format.equals("xlsx"));
            }
            case "wan" -> assertThat(cell.text()).endsWith("万元");
            case "grouped" -> assertThat(cell.text()).as("on %s", what).matches("\\d{1,3}(,\\d{3})+(\\.\\d{2})?元");
            case "capital" -> assertThat(cell.text()).matches("[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+");
            default -> throw new AssertionError("unknown amount form " + form);
        }
    }

    private static void checkDates(Map<String, String> row, Read signed, String period, String format, String what) {
        String form = row.get("date_form");
        LocalDate start = LocalDate.parse(row.get("service_start"));
        LocalDate end = LocalDate.parse(row.get("service_end"));
        assertThat(LooseDate.parseRange(period))
                .as("period '%s' on %s", period, what)
                .contains(new LooseDate.Range(start, end));
        assertThat(row.get("signed_precision")).isEqualTo(form.equals("month") ? "month" : "day");
        switch (form) {
            case "serial" -> {
                LocalDate date = format.equals("xlsx")
                        ? signed.date()
                        : LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(signed.text()));
                assertThat(date).as("serial date on %s", what).isEqualTo(LocalDate.parse(row.get("signed_date")));
            }
            case "month" -> {
                assertThat(signed.text())
                        .as("month on %s", what)
                        .matches("\\d{4}-\\d{2}")
                        .isEqualTo(row.get("signed_date"));
                assertThat(period)
                        .as("period in ISO beside a month")
                        .matches("\\d{4}-\\d{2}-\\d{2}至\\d{4}-\\d{2}-\\d{2}");
            }
            default -> {
                assertThat(LooseDate.parse(signed.text()))
                        .as("%s date '%s' on %s", form, signed.text(), what)
                        .contains(LocalDate.parse(row.get("signed_date")));
                String pattern = switch (form) {
                    case "iso" -> "\\d{4}-\\d{2}-\\d{2}";
                    case "dotted" -> "\\d{4}\\.\\d{1,2}\\.\\d{1,2}";
                    case "chinese" -> "\\d{4}年\\d{1,2}月\\d{1,2}日";
                    case "slashed" -> "\\d{4}/\\d{2}/\\d{2}";
                    default -> throw new AssertionError("unknown date form " + form);
                };
                assertThat(signed.text()).as("%s on %s", form, what).matches(pattern);
                assertThat(period).as("period in the same form on %s", what).matches(pattern + "至" + pattern);
            }
        }
    }

    @Test
    void eachMessKindAppearsAtAboutItsRate() {
        Mess mess = spec("xlsx").mess();
        List<Map<String, String>> rows = truth.get("xlsx");
        List<Map<String, String>> ledger = rows.stream()
                .filter(r -> r.get("file").equals(LEDGER + ".xlsx"))
                .toList();
        assertThat(ledger).hasSize(CONTRACTS);

        assertRate(
                MessKind.AMOUNT_FORMS,
                mess,
                rows,
                r -> !r.get("amount_form").equals("pending"),
                r -> List.of("wan", "grouped", "capital").contains(r.get("amount_form")));
        assertRate(
                MessKind.DATE_FORMS,
                mess,
                rows,
                r -> true,
                r -> !r.get("date_form").equals("iso"));
        assertRate(
                MessKind.CREDIT_CODE_FORMS,
                mess,
                rows,
                r -> true,
                r -> !r.get("credit_code_form").equals("plain"));
        assertRate(
                MessKind.SERVED_FORMS,
                mess,
                rows,
                r -> r.get("served_level").equals("township")
                        || r.get("served_codes").contains(";"),
                r -> List.of("separator", "street_communities").contains(r.get("served_form")));
        assertRate(
                MessKind.BAD_LEDGER_ROW,
                mess,
                ledger,
                r -> true,
                r -> r.get("outcome").equals("quarantined"));
        assertRate(
                MessKind.AMENDMENT,
                mess,
                ledger,
                r -> true,
                r -> !r.get("superseded_by").isEmpty());

        Map<String, Long> rules = rows.stream()
                .filter(r -> r.get("outcome").equals("quarantined"))
                .collect(Collectors.groupingBy(r -> r.get("rule"), Collectors.counting()));
        assertThat(rules.keySet())
                .as("both reject rules, and no other")
                .containsExactlyInAnyOrder("invalid_credit_code", "invalid_amount");
        for (String form : List.of("wan", "grouped", "capital")) {
            assertThat(rows)
                    .as("amount form %s appears", form)
                    .anyMatch(r -> r.get("amount_form").equals(form));
        }
        for (String form : List.of("dotted", "chinese", "slashed", "serial", "month")) {
            assertThat(rows)
                    .as("date form %s appears", form)
                    .anyMatch(r -> r.get("date_form").equals(form));
        }
    }

    private static void assertRate(
            MessKind kind,
            Mess mess,
            List<Map<String, String>> rows,
            Predicate<Map<String, String>> eligible,
            Predicate<Map<String, String>> hit) {
        List<Map<String, String>> pool = rows.stream().filter(eligible).toList();
        long hits = pool.stream().filter(hit).count();
        double rate = mess.rate(kind);
        double observed = (double) hits / pool.size();
        double tolerance = 4 * Math.sqrt(rate * (1 - rate) / pool.size());
        assertThat(observed)
                .as("%s: %d of %d rows against a rate of %s", kind, hits, pool.size(), rate)
                .isBetween(rate - tolerance, rate + tolerance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void amendmentsRestateProjectsInALaterFile(String format) throws Exception {
        List<Map<String, String>> rows = truth.get(format);
        String amendmentFile = LEDGER + LedgerPlanner.AMENDMENT_SUFFIX + "." + format;
        Map<String, Map<String, String>> amendments = rows.stream()
                .filter(r -> r.get("file").equals(amendmentFile))
                .collect(Collectors.toMap(r -> r.get("project_no"), r -> r));
        List<Map<String, String>> superseded =
                rows.stream().filter(r -> !r.get("superseded_by").isEmpty()).toList();
        assertThat(amendments)
                .as("an amendment file at a 10%% rate over %d contracts", CONTRACTS)
                .isNotEmpty();
        assertThat(superseded).as("one superseded original per amendment row").hasSize(amendments.size());
        for (Map<String, String> original : superseded) {
            assertThat(original.get("superseded_by")).isEqualTo(amendmentFile);
            assertThat(original.get("file")).isEqualTo(LEDGER + "." + format);
            Map<String, String> amendment = amendments.get(original.get("project_no"));
            assertThat(amendment)
                    .as("amendment of %s", original.get("project_no"))
                    .isNotNull();
            assertThat(amendment.get("outcome")).isEqualTo("staged");
            assertThat(amendment.get("amount_yuan").equals(original.get("amount_yuan"))
                            && amendment.get("service_end").equals(original.get("service_end")))
                    .as("%s changes its amount or period", original.get("project_no"))
                    .isFalse();
            assertThat(amendment.get("served_codes")).isEqualTo(original.get("served_codes"));
        }
        assertThat(Files.getLastModifiedTime(out(format).resolve(amendmentFile)))
                .as("the amendment is saved after the ledger")
                .isGreaterThan(Files.getLastModifiedTime(out(format).resolve(LEDGER + "." + format)));
        Map<String, Long> effective = rows.stream()
                .filter(r -> r.get("superseded_by").isEmpty())
                .collect(Collectors.groupingBy(r -> r.get("project_no"), Collectors.counting()));
        assertThat(effective)
                .as("every project has exactly one effective row")
                .hasSize(CONTRACTS)
                .allSatisfy((project, count) -> assertThat(count).isEqualTo(1L));
    }

    @Test
    void sameSpecWritesTheSameLedgers(@TempDir Path again) throws Exception {
        SourceSimulator.generate(spec("csv"), again);
        for (Path relative : files(csvOut.resolve("procurement"))) {
            Path first = csvOut.resolve("procurement").resolve(relative);
            Path second = again.resolve("procurement").resolve(relative);
            assertThat(Files.readAllBytes(second)).as("bytes of %s", relative).isEqualTo(Files.readAllBytes(first));
            assertThat(Files.getLastModifiedTime(second)).isEqualTo(Files.getLastModifiedTime(first));
        }
        assertThat(Files.readAllBytes(again.resolve("ground-truth/contracts.csv")))
                .isEqualTo(Files.readAllBytes(csvOut.resolve("ground-truth/contracts.csv")));
    }

    @Test
    void districtsSendCsvAtAboutTheRateInUtf8OrGbk() {
        SimulatedDistrict district = SimulatedDistrict.load(SampleFiles.SMALL.district());
        Map<LedgerFile.Format, Integer> formats = new HashMap<>();
        int seeds = 300;
        for (long seed = 0; seed < seeds; seed++) {
            SimulationSpec spec = new SimulationSpec(SampleFiles.SMALL.district(), 2023, seed, 1, 0, 4, Mess.typical());
            List<ServiceContract> contracts = new ContractPlanner(spec, district).plan();
            formats.merge(
                    new LedgerPlanner(spec, district).plan(contracts).get(0).format(), 1, Integer::sum);
        }
        int csv = seeds - formats.getOrDefault(LedgerFile.Format.XLSX, 0);
        double rate = MessKind.LEDGER_CSV.typicalRate();
        assertThat((double) csv / seeds)
                .as("CSV ledgers: %s", formats)
                .isBetween(
                        rate - 4 * Math.sqrt(rate * (1 - rate) / seeds),
                        rate + 4 * Math.sqrt(rate * (1 - rate) / seeds));
        assertThat(formats.keySet()).as("every charset appears").containsExactlyInAnyOrder(LedgerFile.Format.values());
    }

    private static LedgerCells read(Path file) {
        try {
            return LedgerCells.read(file);
        } catch (Exception e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> walk = Files.list(folder)) {
            return walk.map(folder::relativize).sorted().toList();
        }
    }
}
