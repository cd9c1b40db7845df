package io.shequ.simulator;

import io.shequ.simulator.GridEvent.Flow;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * One event as the vendor database holds it at an instant: the event row, derived the way the
 * vendor system derives it, and the flow rows acted by then.
 *
 * <p>The status follows the latest action in time (not the highest seq: seq numbers can be out of
 * order), satisfaction is there only once the event is closed, the deadline once it is registered,
 * and {@code updated_at} is the time of the latest change, on the vendor's (possibly skewed) clock.
 */
record EventState(GridEvent event, List<Flow> flows, Flow latest) {

    static EventState of(GridEvent event, List<Flow> visibleFlows) {
        Flow latest = visibleFlows.stream()
                .max(Comparator.comparing(Flow::actedAt).thenComparing(Flow::seq))
                .orElseThrow(() -> new IllegalStateException("event " + event.eventId() + " has no 上报 flow"));
        return new EventState(event, List.copyOf(visibleFlows), latest);
    }

    String status() {
        return switch (latest.action()) {
            case "作废" -> "已作废";
            case "上报" -> "待立案";
            case "结案" -> "已结案";
            default -> "处置中";
        };
    }

    boolean registered() {
        return has("立案");
    }

    boolean closed() {
        return has("结案");
    }

    boolean voided() {
        return has("作废");
    }

    /** When the 结案 flow was acted, or null while the event is open. */
    LocalDateTime closedAt() {
        return flows.stream()
                .filter(f -> f.action().equals("结案"))
                .map(Flow::actedAt)
                .findFirst()
                .orElse(null);
    }

    LocalDateTime writtenReportedAt() {
        return event.reportedAt().plus(event.clockSkew());
    }

    LocalDateTime deadlineAt() {
        return registered() ? event.deadlineAt() : null;
    }

    String satisfaction() {
        return closed() ? event.rating() : null;
    }

    LocalDateTime updatedAt() {
        return latest.actedAt().plus(event.clockSkew());
    }

    private boolean has(String action) {
        return flows.stream().anyMatch(f -> f.action().equals(action));
    }
}
