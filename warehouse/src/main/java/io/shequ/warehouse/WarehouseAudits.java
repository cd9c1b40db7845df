package io.shequ.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audits a built snapshot must pass before it may become current: referential integrity of
 * the facts, reconciliation of totals with the lake, coherence of every indicator value, lineage
 * parts that add up to every value, and no table shrinking beyond a bound since the previous
 * current snapshot.
 */
public final class WarehouseAudits {

    /** Default largest fraction of a table's rows that may vanish between two snapshots. */
    public static final double DEFAULT_MAX_ROW_DROP = 0.5;

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseAudits.class);

    private final double maxRowDrop;
    private final DuckDbResources resources;

    /** @param maxRowDrop the largest fraction (0 to 1) of a table's rows that may vanish since the previous snapshot */
    public WarehouseAudits(double maxRowDrop) {
        this(maxRowDrop, DuckDbResources.small());
    }

    /**
     * @param maxRowDrop the largest fraction (0 to 1) of a table's rows that may vanish since the previous snapshot
     * @param resources what the audits' queries may use
     */
    public WarehouseAudits(double maxRowDrop, DuckDbResources resources) {
        if (!(maxRowDrop >= 0 && maxRowDrop <= 1)) {
            throw new IllegalArgumentException("the largest row drop is a fraction from 0 to 1: " + maxRowDrop);
        }
        this.maxRowDrop = maxRowDrop;
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    /**
     * Audits {@code snapshot} against {@code previous} (the current snapshot, if any).
     *
     * @return every outcome, passed or failed, in a stable order
     */
    public List<AuditOutcome> audit(Path snapshot, Optional<Path> previous) {
        Map<String, Long> previousCounts = Map.of();
        if (previous.isPresent()) {
            try (Connection connection = WarehouseReader.openSandboxed(previous.get(), resources)) {
                previousCounts = AuditScope.rowCounts(connection);
            } catch (SQLException e) {
                throw new WarehouseException("counting the rows of the previous snapshot " + previous.get(), e);
            }
        }
        List<Audit> audits = List.of(
                new ReferentialIntegrityAudit(),
                new LakeReconciliationAudit(),
                new SourceValuesAudit(),
                new IndicatorCoherenceAudit(),
                new LineageAudit(),
                new RowDropAudit(maxRowDrop));
        List<AuditOutcome> outcomes = new ArrayList<>();
        try (Connection connection = WarehouseReader.openSandboxed(snapshot, resources)) {
            AuditScope scope = AuditScope.of(connection, previousCounts);
            for (Audit audit : audits) {
                outcomes.addAll(audit.run(connection, scope));
            }
        } catch (SQLException e) {
            throw new WarehouseException("auditing " + snapshot + ": " + e.getMessage(), e);
        }
        outcomes.forEach(o -> {
            if (o.passed()) {
                LOG.info("audit {} passed: {}", o.name(), o.detail());
            } else {
                LOG.error("audit {} FAILED: {}", o.name(), o.detail());
            }
        });
        return outcomes;
    }
}
