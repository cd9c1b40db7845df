package io.shequ.simulator;

import io.shequ.simulator.PersonFaker.Person;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One grid event over its whole life: what the vendor's event row says and every event_flow row it
 * will ever get, whether or not it has happened yet at the instant the database is written.
 * {@link #at(LocalDateTime)} gives the row as the vendor holds it at an instant.
 *
 * @param communityCode the 12-digit code of the community the grid belongs to, even when the grid row is missing
 * @param reportedAt    when the event really was reported (the 上报 flow's time)
 * @param clockSkew     how far the vendor clock ran ahead when the row was written (zero but for future timestamps)
 * @param deadlineAt    the deadline set at registration, null for events never registered
 * @param rating        the satisfaction the reporter gives once the event is closed, or null
 * @param flows         every flow row in seq order (seq 1..n); normally also in time order
 * @param mess          the mess kinds written into this event
 */
record GridEvent(
        String eventId,
        String gridCode,
        String communityCode,
        String categoryCode,
        String channel,
        String title,
        String address,
        Person reporter,
        LocalDateTime reportedAt,
        Duration clockSkew,
        LocalDateTime deadlineAt,
        String rating,
        List<Flow> flows,
        Set<MessKind> mess) {

    /** One step of the closed loop, one event_flow row. */
    record Flow(int seq, String action, LocalDateTime actedAt, String operator, String note) {

        Flow withSeq(int seq) {
            return new Flow(seq, action, actedAt, operator, note);
        }
    }

    GridEvent {
        flows = List.copyOf(flows);
        mess = mess.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mess));
    }

    /** The event row and its flow rows as the vendor database holds them at asOf; empty before it is reported. */
    Optional<EventState> at(LocalDateTime asOf) {
        if (reportedAt.isAfter(asOf)) {
            return Optional.empty();
        }
        return Optional.of(EventState.of(
                this, flows.stream().filter(f -> !f.actedAt().isAfter(asOf)).toList()));
    }

    GridEvent withId(String id) {
        return new GridEvent(
                id,
                gridCode,
                communityCode,
                categoryCode,
                channel,
                title,
                address,
                reporter,
                reportedAt,
                clockSkew,
                deadlineAt,
                rating,
                flows,
                mess);
    }

    GridEvent withGrid(String code, MessKind kind) {
        return new GridEvent(
                eventId,
                code,
                communityCode,
                categoryCode,
                channel,
                title,
                address,
                reporter,
                reportedAt,
                clockSkew,
                deadlineAt,
                rating,
                flows,
                plus(kind));
    }

    GridEvent withReporter(Person written, MessKind kind) {
        return new GridEvent(
                eventId,
                gridCode,
                communityCode,
                categoryCode,
                channel,
                title,
                address,
                written,
                reportedAt,
                clockSkew,
                deadlineAt,
                rating,
                flows,
                plus(kind));
    }

    GridEvent withFlows(List<Flow> written, MessKind kind) {
        return new GridEvent(
                eventId,
                gridCode,
                communityCode,
                categoryCode,
                channel,
                title,
                address,
                reporter,
                reportedAt,
                clockSkew,
                deadlineAt,
                rating,
                written,
                plus(kind));
    }

    GridEvent withClockSkew(Duration skew, MessKind kind) {
        return new GridEvent(
                eventId,
                gridCode,
                communityCode,
                categoryCode,
                channel,
                title,
                address,
                reporter,
                reportedAt,
                skew,
                deadlineAt,
                rating,
                flows,
                plus(kind));
    }

    private Set<MessKind> plus(MessKind kind) {
        EnumSet<MessKind> more = EnumSet.noneOf(MessKind.class);
        more.addAll(mess);
        more.add(kind);
        return more;
    }
}
