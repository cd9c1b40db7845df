package io.shequ.orchestration.simulator;

import io.shequ.orchestration.simulator.PersonFaker.Person;

import java.time.LocalDateTime;
import java.util.List;

/** One row of the vendor's event table with its flow (event_flow rows, seq 1..n in order). */
record GridEvent(String eventId, String gridCode, String categoryCode, String channel, String title,
                 String address, Person reporter, LocalDateTime reportedAt, LocalDateTime deadlineAt,
                 String status, String satisfaction, List<Flow> flows) {

    /** One step of the closed loop. */
    record Flow(int seq, String action, LocalDateTime actedAt, String operator, String note) {
    }

    LocalDateTime updatedAt() {
        return flows.get(flows.size() - 1).actedAt();
    }

    GridEvent withId(String id) {
        return new GridEvent(id, gridCode, categoryCode, channel, title, address, reporter, reportedAt,
                deadlineAt, status, satisfaction, flows);
    }
}
