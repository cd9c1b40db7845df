package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.conform.DivisionResolver;
import io.shequ.jobs.conform.Resolution;
import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolution precision and recall on the simulator's written names, whose meaning is known:
 * every resolved name must be the unit the simulator meant (precision 100%), and at least 99% of
 * names must be resolved. Drives {@link DivisionResolver} directly, no Spark.
 */
class DivisionResolutionPrecisionTest {

    private static final List<String> DISTRICTS = List.of("370103", "150204", "110105", "220106");
    /** Jinan: every district of a city at once, so street and community names repeat across districts. */
    private static final String CITY = "3701";

    /** Outcomes of resolving names whose true code is known. */
    static final class Score {
        int names;
        int correct;
        int wrong;
        final Map<Resolution.Method, Integer> byMethod = new EnumMap<>(Resolution.Method.class);
        final Map<Resolution.Failure, Integer> byFailure = new EnumMap<>(Resolution.Failure.class);
        final List<String> wrongExamples = new ArrayList<>();
        final List<String> missedExamples = new ArrayList<>();

        void add(String written, String truth, Resolution r) {
            names++;
            if (r.resolved()) {
                byMethod.merge(r.method(), 1, Integer::sum);
                if (r.code().equals(truth)) {
                    correct++;
                } else {
                    wrong++;
                    wrongExamples.add(written + " → " + r.code() + " (truth " + truth + ", " + r.method() + ")");
                }
            } else {
                byFailure.merge(r.failure(), 1, Integer::sum);
                if (missedExamples.size() < 20) {
                    missedExamples.add(written + " (" + truth + "): " + r.reason());
                }
            }
        }

        double precision() {
            return correct + wrong == 0 ? 1 : (double) correct / (correct + wrong);
        }

        double recall() {
            return names == 0 ? 1 : (double) correct / names;
        }

        String describe(String what) {
            return String.format(
                    Locale.ROOT,
                    "%s: %d names, precision %.4f, recall %.4f, by method %s, failed %s",
                    what,
                    names,
                    precision(),
                    recall(),
                    byMethod,
                    byFailure);
        }
    }

    @Test
    void resolvesEveryVariantOfEveryCommunityCorrectly() {
        for (String district : DISTRICTS) {
            Score score = scoreVariants(List.of(DivisionCode.parse(district)), DivisionCode.parse(district), 6);
            System.out.println(score.describe("variants in " + district));
            assertPrecisionAndRecall(score);
        }
    }

    @Test
    void resolvesVariantsAcrossAWholeCity() {
        NbsDivisions city = NbsDivisions.bundled2023(List.of(DivisionCode.parse(CITY)));
        List<DivisionCode> districts = city.within(DivisionCode.parse(CITY), DivisionLevel.DISTRICT).stream()
                .map(Division::code)
                .toList();
        Score score = scoreVariants(districts, DivisionCode.parse(CITY), 2);
        System.out.println(score.describe("variants in city " + CITY + " (" + districts.size() + " districts)"));
        assertPrecisionAndRecall(score);
    }

    @Test
    void resolvesTheNamesOfASimulatedSampleAsItsGroundTruthSays(@TempDir Path out) throws IOException {
        DivisionCode district = DivisionCode.parse("370103");
        SimulationSpec spec = SimulationSpec.demo(district, 2023, 7)
                .withMonths(2)
                .withEventsPerCommunity(0)
                .withContracts(40)
                .withMess(Mess.typical().with(MessKind.NAME_VARIANT, 0.6));
        SimulationResult result = SourceSimulator.generate(spec, out);
        DivisionResolver resolver =
                new DivisionResolver(NbsDivisions.bundled2023(List.of(district)), List.of(district));
        NbsDivisions nbs = NbsDivisions.bundled2023(List.of(district));

        Score reports = new Score();
        for (CSVRecord row : GroundTruthCsv.read(result.groundTruthFolder().resolve("report-rows.csv"))) {
            String streetName =
                    nbs.get(DivisionCode.parse(row.get("street_code"))).name();
            Resolution street = resolver.street(streetName);
            assertThat(street.code()).as("the street office %s", streetName).isEqualTo(row.get("street_code"));
            reports.add(
                    row.get("written_name"),
                    row.get("community_code"),
                    resolver.community(street.code(), row.get("written_name")));
        }
        System.out.println(reports.describe("report rows of the simulated sample"));
        assertPrecisionAndRecall(reports);

        // served lists name communities in a district without their street: never wrong, mostly resolved
        Score served = new Score();
        for (CSVRecord row : GroundTruthCsv.read(result.groundTruthFolder().resolve("contracts.csv"))) {
            // 全街道 means the purchasing street office, which contracts.csv does not record
            if (!row.get("outcome").equals("staged") || row.get("served_form").equals("whole_street")) {
                continue;
            }
            var s = resolver.served(row.get("served_written"), null, null);
            String truth = row.get("served_codes");
            String got = String.join(";", s.codes());
            served.add(
                    row.get("served_written"),
                    truth,
                    s.reason() == null
                            ? Resolution.of(got, s.method())
                            : new Resolution(null, null, s.failure(), s.reason(), s.candidates()));
        }
        System.out.println(served.describe("served texts of the simulated ledger (no purchaser given)"));
        assertThat(served.wrongExamples)
                .as("served texts resolved to other divisions")
                .isEmpty();
        assertThat(served.recall())
                .as("served texts resolved; missed e.g. %s", served.missedExamples)
                .isGreaterThanOrEqualTo(0.95);
    }

    private static Score scoreVariants(List<DivisionCode> districts, DivisionCode scope, int draws) {
        NbsDivisions nbs = NbsDivisions.bundled2023(List.of(scope));
        DivisionResolver resolver = new DivisionResolver(nbs, districts);
        Random random = new Random(20230101L + scope.hashCode());
        Score score = new Score();
        for (DivisionCode district : districts) {
            for (Division street : nbs.within(district, DivisionLevel.TOWNSHIP)) {
                Resolution streetResolution =
                        resolver.street(street.name(), nbs.get(district).name());
                assertThat(streetResolution.code())
                        .as("street %s", street.name())
                        .isEqualTo(street.code().value());
                for (Division unit : nbs.childrenOf(street.code())) {
                    for (int i = 0; i < draws; i++) {
                        String written = i % 2 == 0
                                ? NameVariants.variant(unit, street.name(), random)
                                : NameVariants.written(unit, random);
                        score.add(
                                written,
                                unit.code().value(),
                                resolver.community(street.code().value(), written));
                    }
                }
            }
        }
        return score;
    }

    private static void assertPrecisionAndRecall(Score score) {
        assertThat(score.wrongExamples)
                .as("names resolved to another unit than meant")
                .isEmpty();
        assertThat(score.precision()).as("precision").isEqualTo(1.0);
        assertThat(score.recall())
                .as("recall; missed e.g. %s", score.missedExamples)
                .isGreaterThanOrEqualTo(0.99);
    }
}
