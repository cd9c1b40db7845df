package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A city's sample: each district with communities gets its reports and ledger; one grid database holds them all. */
class CitySimulationTest {

    /** 三沙市: three districts with ten village-level units between them, the smallest city in the list. */
    private static final DivisionCode SANSHA = DivisionCode.parse("4603");

    @Test
    void everyDistrictReportsAndOneGridDatabaseHoldsTheCity(@TempDir Path out) throws Exception {
        List<DivisionCode> districts = SimulatedDistrict.districtsOf(SANSHA);
        int communities = districts.stream()
                .mapToInt(d -> SimulatedDistrict.load(d).communities().size())
                .sum();
        SimulationSpec template = new SimulationSpec(DivisionCode.parse("460301"), 2023, 5L, 2, 4, 3, Mess.none());

        SimulationResult result = SourceSimulator.generateCity(SANSHA, template, out);

        List<Map<String, String>> files =
                SampleFiles.groundTruth(result.groundTruthFolder().resolve("files.csv"));
        Set<String> reportFolders = files.stream()
                .filter(f -> f.get("kind").equals("report"))
                .map(f -> f.get("file").split("/")[1])
                .collect(Collectors.toSet());
        assertThat(reportFolders)
                .as("one folder per district, by code")
                .isEqualTo(districts.stream().map(DivisionCode::shortForm).collect(Collectors.toSet()));
        assertThat(files.stream().filter(f -> f.get("kind").equals("ledger")).count())
                .as("a ledger per district")
                .isGreaterThanOrEqualTo(districts.size());

        List<Map<String, String>> rows =
                SampleFiles.groundTruth(result.groundTruthFolder().resolve("report-rows.csv"));
        assertThat(rows).as("every community of the city, two months").hasSize(communities * 2);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("community_code")).startsWith(SANSHA.shortForm()));

        assertThat(result.events())
                .as("events of every district in one database")
                .isEqualTo(communities * 4);
        assertThat(SampleFiles.table(result, "SELECT COUNT(DISTINCT event_id), COUNT(*) FROM event")
                        .get(0))
                .as("event ids unique across districts")
                .containsExactly((long) communities * 4, (long) communities * 4);
        List<Object> gridCommunities = SampleFiles.table(
                        result, "SELECT COUNT(DISTINCT SUBSTRING(community_code, 1, 6)) FROM grid")
                .get(0);
        assertThat(gridCommunities).as("grids of every district").containsExactly((long) districts.size());
    }

    @Test
    void aCodeThatIsNoCityIsRefused() {
        Assertions.assertThatThrownBy(() -> SimulatedDistrict.districtsOf(DivisionCode.parse("370103")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("city");
    }
}
