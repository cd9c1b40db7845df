package io.shequ.warehouse;

/**
 * The outcome of one named pre-publish check, e.g. {@code totals_reconcile:fct_service_contracts}.
 *
 * @param detail what was compared and, when it failed, what was wrong
 */
public record AuditOutcome(String name, boolean passed, String detail) {

    static AuditOutcome passed(String name, String detail) {
        return new AuditOutcome(name, true, detail);
    }

    static AuditOutcome failed(String name, String detail) {
        return new AuditOutcome(name, false, detail);
    }
}
