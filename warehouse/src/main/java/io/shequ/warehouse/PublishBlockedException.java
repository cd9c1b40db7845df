package io.shequ.warehouse;

import java.util.List;

/**
 * A new snapshot failed its model tests or an audit: it was discarded, and the previous
 * snapshot stays current. The outcomes say which checks ran and which failed.
 */
public class PublishBlockedException extends WarehouseException {

    private final transient List<AuditOutcome> outcomes;

    public PublishBlockedException(String message, List<AuditOutcome> outcomes) {
        super(message, null);
        this.outcomes = List.copyOf(outcomes);
    }

    /** Every check that ran, passed or failed. */
    public List<AuditOutcome> outcomes() {
        return outcomes;
    }
}
