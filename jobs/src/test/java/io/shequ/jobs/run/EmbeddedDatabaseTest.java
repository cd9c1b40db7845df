package io.shequ.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
        assertThat(Files.exists(folder.resolve("catalog.lock.db"))).as("AUTO_SERVER keeps a lock file").isTrue();

        assertThat(EmbeddedDatabase.shutdown(url, EmbeddedH2.USER, PASSWORD)).isTrue();

        assertThat(leaked.isClosed() || !leaked.isValid(1)).isTrue();
        assertThat(Files.exists(folder.resolve("catalog.lock.db"))).as("the lock file is gone").isFalse();
        assertThat(EmbeddedDatabase.shutdown(url, EmbeddedH2.USER, PASSWORD)).as("reopens it only to close it again").isTrue();
    }

    @Test
    void leavesServersAndAbsentFilesAlone() {
        assertThat(EmbeddedDatabase.shutdown("jdbc:postgresql://db/shequ", "u", "p")).isFalse();
        assertThat(EmbeddedDatabase.shutdown("jdbc:h2:tcp://db/shequ", "u", "p")).isFalse();
        assertThat(EmbeddedDatabase.shutdown("jdbc:h2:file:" + folder.resolve("never"), "sa", "")).isFalse();
        assertThat(Files.exists(folder.resolve("never.mv.db"))).as("IFEXISTS: nothing created").isFalse();
    }
}
