package io.shequ.warehouse;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The outcome of one named pre-publish check, e.g. {@code totals_reconcile:fct_service_contracts}.
 *
 * @param detail  what was compared and, when it failed, what was wrong
 * @param figures what an audit measured, when others need the numbers: source file → column → sum
 */
public record AuditOutcome(String name, boolean passed, String detail, Map<String, Map<String, BigDecimal>> figures) {

    public AuditOutcome {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }

    public AuditOutcome(String name, boolean passed, String detail) {
        this(name, passed, detail, Map.of());
    }

    static AuditOutcome passed(String name, String detail) {
        return new AuditOutcome(name, true, detail);
    }

    static AuditOutcome failed(String name, String detail) {
        return new AuditOutcome(name, false, detail);
    }
}
