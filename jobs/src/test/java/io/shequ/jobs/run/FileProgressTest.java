package io.shequ.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FileProgressTest {

    @Test
    void aLongListLogsEachTenthOfTheWayAndTheLastFile() {
        assertThat(IntStream.rangeClosed(1, 1000)
                        .filter(done -> FileProgress.logsAt(done, 1000))
                        .boxed()
                        .toList())
                .as("about ten lines, not a thousand")
                .containsExactly(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
        assertThat(IntStream.rangeClosed(1, 37)
                        .filter(done -> FileProgress.logsAt(done, 37))
                        .count())
                .isEqualTo(10);
    }

    @Test
    void aShortListLogsEveryFile() {
        assertThat(IntStream.rangeClosed(1, 4)
                        .filter(done -> FileProgress.logsAt(done, 4))
                        .count())
                .isEqualTo(4);
    }

    @Test
    void withoutAConsoleItCountsAndLogs() {
        try (FileProgress progress = FileProgress.logging("stage street-offices", 3)) {
            progress.starting("a.xlsx");
            progress.starting("b.xlsx");
            assertThat(progress.done()).isEqualTo(2);
        }
    }
}
