package io.shequ.schemas.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path dir;

    @Test
    void deletesTheTreeCountsItsFilesAndNeverFollowsALink() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "kept");
        Path root = Files.createDirectories(dir.resolve("run/a/b"));
        Files.writeString(root.resolve("one.parquet"), "1");
        Files.writeString(dir.resolve("run/a/two.parquet"), "2");
        Files.createSymbolicLink(dir.resolve("run/link"), outside);

        assertThat(FileTrees.delete(dir.resolve("run")))
                .as("regular files deleted, the link not counted")
                .isEqualTo(2);
        assertThat(dir.resolve("run")).doesNotExist();
        assertThat(outside).as("a link's target is not deleted").hasContent("kept");
        assertThat(FileTrees.delete(dir.resolve("run"))).as("nothing to delete").isZero();
    }
}
