package io.shequ.orchestration.runtime;

import io.shequ.jobs.publish.PublishGateException;
import io.shequ.jobs.publish.WarehousePort;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.quality.InputQuality;
import io.shequ.warehouse.AuditOutcome;
import io.shequ.warehouse.DuckDbResources;
import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.PublishBlockedException;
import io.shequ.warehouse.SnapshotReaders;
import io.shequ.warehouse.WarehouseAudits;
import io.shequ.warehouse.WarehouseBuilder;
import io.shequ.warehouse.WarehouseReader;
import io.shequ.warehouse.WarehouseRelease;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pipeline's warehouse port, on the DuckDB warehouse module: write, audit, publish. */
public final class DuckDbWarehouse implements WarehousePort {

    private final Path home;
    private final int keepSnapshots;
    private final double maxRowDrop;
    private final SnapshotReaders readers;

    /**
     * @param keepSnapshots published snapshots to keep ({@code warehouse.keep-snapshots})
     * @param maxRowDrop largest fraction of a table's rows that may vanish since the previous
     *     snapshot ({@code warehouse.max-row-drop})
     * @param readers who besides the owner may read the published snapshots ({@code warehouse.readers-group})
     */
    public DuckDbWarehouse(Path home, int keepSnapshots, double maxRowDrop, SnapshotReaders readers) {
        this.home = home;
        this.keepSnapshots = keepSnapshots;
        this.maxRowDrop = maxRowDrop;
        this.readers = readers;
    }

    @Override
    public Publication publish(String runId, LakeSnapshot lake, InputQuality quality) {
        // sized when the publish starts: the heap and the machine are what they are now
        DuckDbResources resources = DuckDbResources.fromMachine(DuckDbResources.publishSpill(home));
        WarehouseRelease release = new WarehouseRelease(
                home,
                new WarehouseBuilder(resources),
                new WarehouseAudits(maxRowDrop, resources),
                keepSnapshots,
                readers);
        try {
            WarehouseRelease.Published published = release.release(runId, lake, quality);
            return new Publication(published.snapshot(), asMaps(published.audits()), published.rebuilt());
        } catch (PublishBlockedException e) {
            throw new PublishGateException(e.getMessage(), asMaps(e.outcomes()));
        }
    }

    private static List<Map<String, Object>> asMaps(List<AuditOutcome> outcomes) {
        return outcomes.stream()
                .map(o -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", o.name());
                    m.put("passed", o.passed());
                    m.put("detail", o.detail());
                    if (!o.figures().isEmpty()) {
                        m.put("figures", o.figures());
                    }
                    return m;
                })
                .toList();
    }

    @Override
    public List<Map<String, Object>> indicators() {
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            return reader.indicators(null, null).stream()
                    .map(DuckDbWarehouse::asMap)
                    .toList();
        }
    }

    private static Map<String, Object> asMap(IndicatorValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", v.year());
        m.put("division_code", v.divisionCode());
        m.put("division_level", v.divisionLevel());
        m.put("division_name", v.divisionName());
        m.put("indicator", v.indicator());
        m.put("breakdown", v.breakdown());
        m.put("numerator", v.numerator());
        m.put("denominator", v.denominator());
        m.put("value", v.value());
        m.put("unit", v.unit());
        return m;
    }
}
