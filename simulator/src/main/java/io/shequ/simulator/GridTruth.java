package io.shequ.simulator;

import io.shequ.schemas.contract.RejectRule;
import io.shequ.simulator.GridEvent.Flow;
import io.shequ.simulator.GroundTruthWriter.FlowRejectRow;
import io.shequ.simulator.GroundTruthWriter.GridEventRow;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a grid snapshot means, for the ground truth: per event its community, its state, whether the
 * pipeline should stage or quarantine it and which mess it carries there; per duplicated flow row
 * the rejection. Built from the mess the planner wrote in and what is visible at the snapshot's instant.
 */
final class GridTruth {

    static final String STAGED = "staged";
    static final String QUARANTINED = "quarantined";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<GridEventRow> events = new ArrayList<>();
    private final List<FlowRejectRow> flowRejects = new ArrayList<>();

    GridTruth(GridSnapshot snapshot) {
        Set<String> gridCodes = snapshot.gridCodes();
        for (EventState state : snapshot.events()) {
            GridEvent event = state.event();
            boolean future = event.mess().contains(MessKind.FUTURE_TIMESTAMP)
                    && state.writtenReportedAt().isAfter(snapshot.asOf());
            List<String> notes = new ArrayList<>();
            if (event.mess().contains(MessKind.INVALID_ID_NUMBER)) {
                notes.add("invalid_id_number");
            }
            if (event.mess().contains(MessKind.MALFORMED_PHONE)) {
                notes.add("malformed_phone");
            }
            if (!gridCodes.contains(event.gridCode())) {
                notes.add("orphan_grid");
            }
            if (outOfOrder(state.flows())) {
                notes.add("flow_out_of_order");
            }
            List<Flow> duplicates = duplicates(state.flows());
            if (!duplicates.isEmpty()) {
                notes.add("flow_duplicated");
            }
            duplicates.forEach(
                    f -> flowRejects.add(new FlowRejectRow(event.eventId(), f.seq(), RejectRule.DUPLICATE_ROW.code())));
            events.add(new GridEventRow(
                    event.eventId(),
                    event.gridCode(),
                    event.communityCode(),
                    event.categoryCode(),
                    event.channel(),
                    state.status(),
                    format(event.reportedAt()),
                    format(state.closedAt()),
                    state.registered(),
                    state.closed(),
                    state.voided(),
                    future ? QUARANTINED : STAGED,
                    future ? RejectRule.FUTURE_TIMESTAMP.code() : null,
                    String.join(";", notes)));
        }
    }

    List<GridEventRow> events() {
        return events;
    }

    List<FlowRejectRow> flowRejects() {
        return flowRejects;
    }

    /** Whether, in seq order, some flow row was acted before the one numbered before it. */
    static boolean outOfOrder(List<Flow> flowsInSeqOrder) {
        for (int i = 1; i < flowsInSeqOrder.size(); i++) {
            if (flowsInSeqOrder
                    .get(i)
                    .actedAt()
                    .isBefore(flowsInSeqOrder.get(i - 1).actedAt())) {
                return true;
            }
        }
        return false;
    }

    /** Flow rows repeating the action and time of a row with a lower seq. */
    static List<Flow> duplicates(List<Flow> flowsInSeqOrder) {
        List<Flow> repeated = new ArrayList<>();
        for (int i = 0; i < flowsInSeqOrder.size(); i++) {
            Flow flow = flowsInSeqOrder.get(i);
            for (int j = 0; j < i; j++) {
                Flow earlier = flowsInSeqOrder.get(j);
                if (earlier.action().equals(flow.action()) && earlier.actedAt().equals(flow.actedAt())) {
                    repeated.add(flow);
                    break;
                }
            }
        }
        return repeated;
    }

    private static String format(LocalDateTime time) {
        return time == null ? null : TIME.format(time);
    }
}
