package io.shequ.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No table lost too many rows since the previous current snapshot: a table whose row count
 * fell by more than {@code maxDrop} (a fraction: 0.5 is half) blocks publishing. Tables new in
 * this snapshot, or empty before, pass; so do the {@code dq_} tables, which count what went wrong.
 */
final class RowDropAudit implements Audit {

    private final double maxDrop;

    RowDropAudit(double maxDrop) {
        if (!(maxDrop >= 0 && maxDrop <= 1)) {
            throw new IllegalArgumentException("the largest row drop is a fraction from 0 to 1: " + maxDrop);
        }
        this.maxDrop = maxDrop;
    }

    @Override
    public List<AuditOutcome> run(Connection snapshot, AuditScope scope) throws SQLException {
        List<AuditOutcome> outcomes = new ArrayList<>();
        Map<String, Long> now = AuditScope.rowCounts(snapshot);
        for (Map.Entry<String, Long> before : scope.previousRowCounts().entrySet()) {
            Long after = now.get(before.getKey());
            // fewer rows quarantined, findings or late partitions is no loss of data
            if (after == null || before.getValue() == 0 || before.getKey().startsWith("dq_")) {
                continue;
            }
            String name = "row_drop:" + before.getKey();
            double drop = (before.getValue() - after) / (double) before.getValue();
            String detail = String.format(
                    "%d rows, previous snapshot %d (%+.1f%%; largest drop allowed %.1f%%)",
                    after, before.getValue(), -100 * drop, 100 * maxDrop);
            outcomes.add(drop > maxDrop ? AuditOutcome.failed(name, detail) : AuditOutcome.passed(name, detail));
        }
        return outcomes;
    }
}
