package io.shequ.schemas.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InputQualityTest {

    private static final String OFFICES = "street_office_reports";
    private static final String LEDGERS = "procurement_ledgers";

    private static InputQuality.Quarantined q(String source, String office, long rows) {
        return new InputQuality.Quarantined(source, office, "negative_value", rows, 0);
    }

    private static InputQuality.LatePartition missing(String key) {
        return new InputQuality.LatePartition(
                OFFICES,
                key,
                "missing",
                LocalDate.of(2023, 4, 1),
                LocalDate.of(2023, 4, 30),
                LocalDate.of(2023, 5, 10));
    }

    @Test
    void aRunThatReadSomeSourcesReplacesTheirRowsAndKeepsTheOthers() {
        InputQuality before = new InputQuality(
                Set.of(OFFICES, LEDGERS),
                List.of(q(OFFICES, "东关街道", 3), q(LEDGERS, "", 2)),
                List.of(
                        new InputQuality.NameResolution(OFFICES, 10, 9, 1, 0),
                        new InputQuality.NameResolution(LEDGERS, 4, 4, 0, 0)),
                List.of(new InputQuality.Finding("unmapped_value", LEDGERS, "", 5)),
                List.of(missing("370102011000/2023-04")));
        InputQuality offices = new InputQuality(
                Set.of(OFFICES),
                List.of(q(OFFICES, "大明湖街道", 1), q(LEDGERS, "", 7)),
                List.of(new InputQuality.NameResolution(OFFICES, 12, 12, 0, 0)),
                List.of(),
                List.of());

        InputQuality published = offices.over(before);

        assertThat(published.quarantined())
                .as("the offices' rows are this run's; the ledgers' are kept, not this run's")
                .containsExactly(q(LEDGERS, "", 2), q(OFFICES, "大明湖街道", 1));
        assertThat(published.resolution())
                .extracting(InputQuality.NameResolution::names)
                .containsExactly(4L, 12L);
        assertThat(published.findings()).as("the ledgers' finding is kept").hasSize(1);
        assertThat(published.partitions())
                .as("partitions come from the whole ledger: this run's list, empty")
                .isEmpty();
    }

    @Test
    void aRecordThatReadNothingCarriesEverythingOver() {
        InputQuality before = new InputQuality(
                Set.of(OFFICES),
                List.of(q(OFFICES, "东关街道", 3)),
                List.of(),
                List.of(),
                List.of(missing("370102011000/2023-04")));
        assertThat(InputQuality.none().over(before).sameRowsAs(before)).isTrue();
    }

    @Test
    void theSameRowsInAnotherOrderAreTheSame() {
        InputQuality a = new InputQuality(
                Set.of(OFFICES),
                List.of(q(OFFICES, "b", 1), q(OFFICES, "a", 2)),
                List.of(),
                List.of(),
                List.of(missing("k2"), missing("k1")));
        InputQuality b = new InputQuality(
                Set.of(),
                List.of(q(OFFICES, "a", 2), q(OFFICES, "b", 1)),
                List.of(),
                List.of(),
                List.of(missing("k1"), missing("k2")));
        assertThat(a.sameRowsAs(b)).as("whichever sources each read").isTrue();
        assertThat(a.sameRowsAs(new InputQuality(
                        Set.of(),
                        List.of(q(OFFICES, "a", 2)),
                        List.of(),
                        List.of(),
                        List.of(missing("k1"), missing("k2")))))
                .isFalse();
    }
}
