package io.shequ.jobs.stage.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetPrefetchTest {

    @TempDir
    Path dir;

    @Test
    void handsOverEveryFilesSheetsInTheListsOrderWithEachFilesOwnFailure() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            files.add(
                    i == 7
                            ? Files.writeString(dir.resolve("f07.txt"), "not a table")
                            : Files.writeString(
                                    dir.resolve(String.format("f%02d.csv", i)), "社区,户数\n第" + i + "社区," + i + "\n"));
        }
        List<String> firstCells = new ArrayList<>();
        try (SheetPrefetch sheets = new SheetPrefetch(files, 3)) {
            for (int i = 0; i < files.size(); i++) {
                if (i == 7) {
                    assertThatThrownBy(sheets::next)
                            .as("the unreadable file's own error, in its place")
                            .isInstanceOf(IOException.class)
                            .hasMessageContaining("f07.txt");
                    continue;
                }
                List<Sheet> read = sheets.next();
                assertThat(read).hasSize(1);
                assertThat(read.get(0).name())
                        .isEqualTo(files.get(i).getFileName().toString());
                firstCells.add(read.get(0).rows().get(1).cells().get(0));
            }
            assertThatThrownBy(sheets::next).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(firstCells).hasSize(24).first().isEqualTo("第0社区");
        assertThat(firstCells.get(23)).isEqualTo("第24社区");
    }
}
