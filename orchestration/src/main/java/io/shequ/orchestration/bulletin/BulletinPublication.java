package io.shequ.orchestration.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.warehouse.WarehouseReader;
import io.shequ.warehouse.bulletin.Bulletins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the statistical bulletin after a run that published (or kept) the warehouse, into
 * {@code <home>/warehouse/bulletin/<year>/<division>/}: for the configured district, or for
 * the city of several configured districts. A run whose publish was blocked writes none.
 */
public final class BulletinPublication {

    private static final Logger LOG = LoggerFactory.getLogger(BulletinPublication.class);
    private static final Set<String> PUBLISHED = Set.of("published", "unchanged");

    private BulletinPublication() {}

    /** The division the bulletin is for: the only district, or the city of several. */
    public static String division(List<DivisionCode> districts) {
        Set<String> codes = districts.stream().map(d -> d.toString()).collect(Collectors.toSet());
        if (codes.size() == 1) {
            return pad(codes.iterator().next());
        }
        Set<String> cities = codes.stream().map(c -> c.substring(0, 4)).collect(Collectors.toSet());
        return pad(
                cities.size() == 1 ? cities.iterator().next() : codes.iterator().next());
    }

    /** After the run of {@code summary}: writes the bulletins if it published; returns the pages written. */
    public static List<Path> afterRun(Path home, String runId, Path summary, List<DivisionCode> districts)
            throws IOException {
        if (summary == null || !Files.isRegularFile(summary)) {
            return List.of();
        }
        JsonNode run = new ObjectMapper().readTree(summary.toFile());
        if (!PUBLISHED.contains(run.path("publish").path("status").asText())) {
            return List.of();
        }
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            List<Path> pages = Bulletins.writeEveryYear(reader, home, division(districts));
            LOG.info("run {}: wrote the statistical bulletin {}", runId, pages);
            return pages;
        }
    }

    private static String pad(String code) {
        return (code + "000000000000").substring(0, 12);
    }
}
