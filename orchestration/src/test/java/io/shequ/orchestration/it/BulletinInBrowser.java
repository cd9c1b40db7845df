package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a written bulletin in headless Chromium and holds it to the bar: no console error
 * and no request beyond its own folder's files, every chart drawn as SVG, and each headline figure
 * in the page equal to {@code mart_indicators}. Leaves a screenshot beside the test's outputs.
 */
final class BulletinInBrowser {

    private BulletinInBrowser() {}

    static void assertRendersThePublishedFigures(Path home, Path index, String division, int year, Path screenshot)
            throws Exception {
        String binary = DevToolsSession.chromiumBinary();
        if (binary == null) {
            fail("Chromium is not installed: the bulletin test opens the page in headless Chromium "
                    + "(apt-get install -y chromium fonts-noto-cjk; .ci/run installs them)");
        }
        try (DevToolsSession browser = DevToolsSession.open(binary)) {
            for (String domain : new String[] {"Runtime", "Log", "Network", "Page"}) {
                browser.call(domain + ".enable", Map.of());
            }
            browser.call("Page.navigate", Map.of("url", index.toUri().toString()));
            browser.await("Page.loadEventFired", Duration.ofSeconds(60));

            List<String> errors = browser.events.stream()
                    .filter(BulletinInBrowser::isError)
                    .map(JsonNode::toString)
                    .toList();
            assertThat(errors)
                    .as("the page logs no console error and throws nothing")
                    .isEmpty();
            List<String> requests = browser.events.stream()
                    .filter(e ->
                            "Network.requestWillBeSent".equals(e.path("method").asText()))
                    .map(e -> e.path("params").path("request").path("url").asText())
                    .toList();
            assertThat(requests)
                    .as("the page loads only its own files beside it: no network at view time")
                    .isNotEmpty()
                    .allMatch(url -> url.startsWith(index.getParent().toUri().toString()));

            int charts = browser.evaluate("document.querySelectorAll('.chart').length")
                    .asInt();
            assertThat(charts).as("the bulletin has its charts").isGreaterThanOrEqualTo(9);
            JsonNode drawn = browser.evaluate("Array.from(document.querySelectorAll('.chart'))"
                    + ".map(c => c.querySelectorAll('svg path, svg rect').length)");
            assertThat(drawn.size()).isEqualTo(charts);
            drawn.forEach(n -> assertThat(n.asInt())
                    .as("every chart drew SVG shapes: " + drawn)
                    .isGreaterThan(5));

            JsonNode figures =
                    browser.evaluate("Array.from(document.querySelectorAll('#headline td.figure[data-value]'))"
                            + ".map(td => [td.dataset.indicator, td.dataset.value, td.textContent])");
            Map<String, Double> published = new HashMap<>();
            try (WarehouseReader reader = WarehouseReader.open(home)) {
                for (IndicatorValue v : reader.indicators(null, year)) {
                    if (v.divisionCode().equals(division) && v.breakdown().isEmpty()) {
                        published.put(v.indicator(), v.value());
                    }
                }
            }
            assertThat(published)
                    .as("the demo publishes the catalogue's headline figures")
                    .hasSizeGreaterThanOrEqualTo(15);
            assertThat(figures.size())
                    .as("one headline figure in the page per published indicator")
                    .isEqualTo(published.size());
            for (JsonNode figure : figures) {
                String indicator = figure.get(0).asText();
                assertThat(Double.parseDouble(figure.get(1).asText()))
                        .as("headline " + indicator + " equals mart_indicators")
                        .isEqualTo(published.get(indicator));
            }

            long quarantinedInPage = browser.evaluate(
                            "Array.from(document.querySelectorAll('table.quarantined tbody tr'))"
                                    + ".map(tr => Number(tr.cells[3].textContent)).reduce((a, b) => a + b, 0)")
                    .asLong();
            try (WarehouseReader reader = WarehouseReader.open(home)) {
                assertThat(quarantinedInPage)
                        .as("the rows quarantined in the page are those of dq_quarantined")
                        .isEqualTo(
                                ((Number) reader.query("SELECT coalesce(sum(rows_quarantined), 0) FROM dq_quarantined")
                                                .get(0)
                                                .get(0))
                                        .longValue());
            }

            JsonNode shot =
                    browser.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, Base64.getDecoder().decode(shot.path("data").asText()));
            assertThat(Files.size(screenshot)).as("a screenshot was taken").isGreaterThan(10_000);
        }
    }

    private static boolean isError(JsonNode event) {
        String method = event.path("method").asText();
        JsonNode params = event.path("params");
        return "Runtime.exceptionThrown".equals(method)
                || ("Runtime.consoleAPICalled".equals(method)
                        && "error".equals(params.path("type").asText()))
                || ("Log.entryAdded".equals(method)
                        && "error".equals(params.path("entry").path("level").asText()));
    }
}
