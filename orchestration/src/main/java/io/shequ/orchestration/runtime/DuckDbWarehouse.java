package io.shequ.orchestration.runtime;

import io.shequ.jobs.pipeline.WarehousePort;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.WarehouseBuilder;
import io.shequ.warehouse.WarehousePublisher;
import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pipeline's warehouse port, on the DuckDB warehouse module. */
public final class DuckDbWarehouse implements WarehousePort {

    private final Path home;
    private final int keepSnapshots;

    public DuckDbWarehouse(Path home, int keepSnapshots) {
        this.home = home;
        this.keepSnapshots = keepSnapshots;
    }

    @Override
    public Path publish(String runId, LakeSnapshot lake) {
        WarehousePublisher publisher = new WarehousePublisher(home);
        Path snapshot = new WarehouseBuilder().build(lake, publisher.newSnapshotPath(runId));
        publisher.publish(snapshot);
        publisher.retain(keepSnapshots);
        return snapshot;
    }

    @Override
    public List<Map<String, Object>> indicators() {
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            return reader.indicators(null, null).stream().map(DuckDbWarehouse::asMap).toList();
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
