package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.division.DivisionCode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One more day of grid events on top of a simulated year, entered after the extract's watermark. */
class GridDayAppenderTest {

    private static final SimulationSpec SPEC =
            new SimulationSpec(DivisionCode.parse("370103"), 2023, 11L, 1, 40, 0, Mess.none());
    private static final String URL = "jdbc:h2:mem:grid-day-appender;DB_CLOSE_DELAY=-1";
    private static final LocalDate DAY = LocalDate.of(2023, 12, 31);
    private static final LocalDateTime ENTERED = LocalDateTime.of(2026, 12, 2, 20, 0);

    @Test
    void copiesTheDayBeforeOneDayLaterWithNewIdsAndTheEntryTimeAsUpdatedAt() throws Exception {
        GridHistory history = GridHistory.of(SPEC);
        history.writeAsOf(URL, "sa", "", history.defaultAsOf());
        String onDayBefore =
                "FROM event WHERE reported_at >= TIMESTAMP '2023-12-30 00:00:00' AND reported_at < TIMESTAMP '2023-12-31 00:00:00'";
        long patternEvents = count("SELECT count(*) " + onDayBefore);
        long patternFlows =
                count("SELECT count(*) FROM event_flow WHERE event_id IN (SELECT event_id " + onDayBefore + ")");
        long eventsBefore = count("SELECT count(*) FROM event");
        assertThat(patternEvents).as("the sample has events on 12-30 to copy").isPositive();

        GridDayAppender.Added added = GridDayAppender.appendDay(URL, "sa", "", DAY, ENTERED);

        assertThat(added.events()).isEqualTo((int) patternEvents);
        assertThat(added.flows()).isEqualTo((int) patternFlows);
        assertThat(count("SELECT count(*) FROM event")).isEqualTo(eventsBefore + patternEvents);
        assertThat(count("SELECT count(*) FROM event WHERE updated_at = TIMESTAMP '2026-12-02 20:00:00'"))
                .as("every new event carries the entry time, after any earlier watermark")
                .isEqualTo(patternEvents);
        assertThat(
                        count(
                                "SELECT count(*) FROM event WHERE updated_at = TIMESTAMP '2026-12-02 20:00:00' "
                                        + "AND (reported_at < TIMESTAMP '2023-12-31 00:00:00' OR reported_at >= TIMESTAMP '2024-01-01 00:00:00')"))
                .as("reported on the new day")
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM event_flow f JOIN event e ON e.event_id = f.event_id "
                                        + "WHERE e.updated_at = TIMESTAMP '2026-12-02 20:00:00' AND f.seq = 1 AND f.acted_at <> e.reported_at"))
                .as("each new event's 上报 flow moved with it")
                .isZero();

        GridDayAppender.appendDay(URL, "sa", "", DAY, ENTERED.plusMinutes(1));
        assertThat(count("SELECT count(*) FROM event"))
                .as("a second append adds again, under other ids")
                .isEqualTo(eventsBefore + 2 * patternEvents);
    }

    private static long count(String sql) throws Exception {
        List<List<Object>> rows = GridTables.rows(URL, "sa", "", sql);
        return ((Number) rows.get(0).get(0)).longValue();
    }
}
