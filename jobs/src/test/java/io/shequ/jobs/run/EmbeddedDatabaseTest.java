package io.shequ.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    private static final String PASSWORD = "a-generated-password";

    @TempDir
    Path folder;

    @Test
    void shutdownClosesAnAutoServerFileEvenWhileAPoolStillHoldsAConnection() throws Exception {
        String url = EmbeddedH2.url(folder.resolve("catalog"), ";AUTO_SERVER=TRUE");
        Connection leaked = DriverManager.getConnection(url, EmbeddedH2.USER, PASSWORD);
        leaked.createStatement().execute("CREATE TABLE t (x INT)");
        assertThat(Files.exists(folder.resolve("catalog.lock.db")))
                .as("AUTO_SERVER keeps a lock file")
                .isTrue();

        assertThat(EmbeddedDatabase.shutdown(url, EmbeddedH2.USER, PASSWORD)).isTrue();

        assertThat(leaked.isClosed() || !leaked.isValid(1)).isTrue();
        assertThat(Files.exists(folder.resolve("catalog.lock.db")))
                .as("the lock file is gone")
                .isFalse();
        assertThat(EmbeddedDatabase.shutdown(url, EmbeddedH2.USER, PASSWORD))
                .as("reopens it only to close it again")
                .isTrue();
    }

    @Test
    void theDatabaseAndItsLockFileAreSetOwnerOnlyAndOtherFilesAreLeftAlone() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("jobs") + ";AUTO_SERVER=TRUE";
        Path neighbour = Files.writeString(folder.resolve("jobs-notes.txt"), "not H2's");
        try (Connection open = DriverManager.getConnection(url, "sa", "")) {
            open.createStatement().execute("CREATE TABLE t (x INT)");
            for (Path file : new Path[] {folder.resolve("jobs.mv.db"), folder.resolve("jobs.lock.db"), neighbour}) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }

            EmbeddedDatabase.restrictFiles(url);

            assertThat(mode(folder.resolve("jobs.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(folder.resolve("jobs.lock.db")))
                    .as("names the AUTO_SERVER port")
                    .isEqualTo("rw-------");
            assertThat(mode(neighbour)).as("not one of the database's files").isEqualTo("rw-r--r--");
        } finally {
            EmbeddedDatabase.shutdown(url, "sa", "");
        }
        EmbeddedDatabase.restrictFiles("jdbc:postgresql://db/shequ");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void anErrorInsideTheDatabaseGoesToTheLogNotToATraceFileBesideIt() throws Exception {
        String url = EmbeddedH2.url(folder.resolve("catalog"), ";AUTO_SERVER=TRUE");
        try (Connection open = DriverManager.getConnection(url, EmbeddedH2.USER, PASSWORD)) {
            open.createStatement().execute("CREATE TABLE t (x INT)");
            open.createStatement().execute("INSERT INTO t VALUES (1)");
            assertThatThrownBy(() -> open.createStatement().execute("INSERT INTO t SELECT x / 0 FROM t"))
                    .isInstanceOf(SQLException.class);
        } finally {
            EmbeddedDatabase.shutdown(url, EmbeddedH2.USER, PASSWORD);
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("H2 writes <name>.trace.db with the process's umask when not told otherwise")
                    .contains("catalog.mv.db")
                    .noneMatch(name -> name.endsWith(".trace.db"));
        }
    }

    @Test
    void leavesServersAndAbsentFilesAlone() {
        assertThat(EmbeddedDatabase.shutdown("jdbc:postgresql://db/shequ", "u", "p"))
                .isFalse();
        assertThat(EmbeddedDatabase.shutdown("jdbc:h2:tcp://db/shequ", "u", "p"))
                .isFalse();
        assertThat(EmbeddedDatabase.shutdown("jdbc:h2:file:" + folder.resolve("never"), "sa", ""))
                .isFalse();
        assertThat(Files.exists(folder.resolve("never.mv.db")))
                .as("IFEXISTS: nothing created")
                .isFalse();
    }
}
