package io.shequ.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.schemas.home.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warehouse.readers-group}: the published snapshots and the folders on the path to them
 * become the group's to read, nothing else does; without a group the warehouse stays owner-only.
 */
class SnapshotReadersTest {

    @TempDir
    Path dir;

    @Test
    void theGroupReadsThePublishedSnapshotAndNothingElse() throws Exception {
        Path home = OwnerOnly.createDirectories(dir.resolve("home"));
        String group = primaryGroup();
        WarehousePublisher publisher = new WarehousePublisher(home, SnapshotReaders.group(group));
        Path built = OwnerOnly.writeString(publisher.newSnapshotPath("run-a"), "snapshot");
        Path dictionary = OwnerOnly.writeString(publisher.folder().resolve("dictionary.md"), "# dictionary");
        Path staging = OwnerOnly.createDirectories(home.resolve("staging/run-a"));

        publisher.publish(built);

        assertThat(attributes(built).group().getName())
                .as("the snapshot is the readers' group's")
                .isEqualTo(group);
        assertThat(mode(built)).as("which may read it, not write it").isEqualTo("rw-r-----");
        for (Path folder : new Path[] {home, publisher.folder(), built.getParent()}) {
            assertThat(attributes(folder).group().getName())
                    .as("%s on the path is the group's", folder)
                    .isEqualTo(group);
            assertThat(mode(folder))
                    .as("%s can be entered and listed by the group", folder)
                    .isEqualTo("rwxr-x---");
        }
        assertThat(mode(dictionary)).as("nothing else in warehouse/ is granted").isEqualTo("rw-------");
        assertThat(mode(staging)).as("other areas stay closed").isEqualTo("rwx------");
        assertThat(mode(home.resolve("staging"))).isEqualTo("rwx------");
    }

    @Test
    void withoutAGroupTheBuiltSnapshotStaysOwnerOnly() throws Exception {
        Path home = OwnerOnly.createDirectories(dir.resolve("home"));
        WarehousePublisher publisher = new WarehousePublisher(home);
        Path built = new WarehouseBuilder()
                .build(new TestLake(home.resolve("lake")).standard(), publisher.newSnapshotPath("run-a"));

        publisher.publish(built);

        assertThat(mode(built))
                .as("DuckDB's file, set as soon as DuckDB created it")
                .isEqualTo("rw-------");
        assertThat(mode(built.getParent())).isEqualTo("rwx------");
        assertThat(mode(publisher.folder())).isEqualTo("rwx------");
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(SnapshotReaders.OWNER_ONLY.groupName()).isEmpty();
    }

    @Test
    void aGroupTheHostDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> SnapshotReaders.group("shequ-no-such-group-42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shequ-no-such-group-42");
    }

    /** The current user's primary group: the group a file they create gets. */
    private String primaryGroup() throws Exception {
        return attributes(OwnerOnly.createFile(dir.resolve("probe"))).group().getName();
    }

    private static PosixFileAttributes attributes(Path path) throws Exception {
        return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
