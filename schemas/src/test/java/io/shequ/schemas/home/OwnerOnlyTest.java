package io.shequ.schemas.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path dir;

    @Test
    void foldersAndFilesAreCreatedOwnerOnly() throws Exception {
        Path folder = OwnerOnly.createDirectories(dir.resolve("a/b/c"));
        Path file = OwnerOnly.writeString(folder.resolve("summary.json"), "{}");
        Path empty = OwnerOnly.createFile(folder.resolve("empty"));

        for (Path created : new Path[] {dir.resolve("a"), dir.resolve("a/b"), folder}) {
            assertThat(mode(created))
                    .as("every folder created on the way: %s", created)
                    .isEqualTo("rwx------");
        }
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(empty)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("{}");
    }

    @Test
    void aFileOthersCouldReadIsOwnerOnlyOnceRewrittenAndAppendingKeepsTheBytes() throws Exception {
        Path file = Files.writeString(dir.resolve("log.jsonl"), "one\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(OwnerOnly.isOwnerOnly(file)).isFalse();

        OwnerOnly.writeString(file, "two\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        assertThat(Files.readString(file)).as("appended, not replaced").isEqualTo("one\ntwo\n");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(OwnerOnly.isOwnerOnly(file)).isTrue();
    }

    @Test
    void aStreamWritesANewFileOwnerOnly() throws Exception {
        Path file = dir.resolve("landed.part");
        try (OutputStream out = OwnerOnly.newOutputStream(file)) {
            out.write(new byte[] {1, 2, 3});
        }
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void restrictTreeSetsWhatAnotherEngineCreated() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("h2"));
        Path db = Files.writeString(folder.resolve("grid.mv.db"), "x");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnly.restrictTree(folder);

        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(db)).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
