package io.shequ.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another build, in a jar or a folder of classes, has another identity; the same build the same. */
class BuildIdentityTest {

    @TempDir
    Path dir;

    @Test
    void aJarIsIdentifiedByItsEntriesNamesSizesAndContents() throws IOException {
        Path jar = jar("a.jar", Map.of("io/shequ/A.class", "one", "models/x.sql", "select 1"));
        Path same = jar("b.jar", Map.of("io/shequ/A.class", "one", "models/x.sql", "select 1"));
        Path other = jar("c.jar", Map.of("io/shequ/A.class", "two", "models/x.sql", "select 1"));
        assertThat(BuildIdentity.compute(set(jar))).isEqualTo(BuildIdentity.compute(set(same)));
        assertThat(BuildIdentity.compute(set(other))).isNotEqualTo(BuildIdentity.compute(set(jar)));
    }

    @Test
    void aFolderOfClassesIsIdentifiedByItsFilesSizesAndTimes() throws IOException {
        Path classes = dir.resolve("classes");
        Path file = classes.resolve("io/shequ/A.class");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "one", StandardCharsets.UTF_8);
        String before = BuildIdentity.compute(set(classes));
        assertThat(BuildIdentity.compute(set(classes))).isEqualTo(before);
        Files.setLastModifiedTime(
                file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        assertThat(BuildIdentity.compute(set(classes))).as("recompiled").isNotEqualTo(before);
    }

    @Test
    void theRunningBuildHasOne() {
        assertThat(BuildIdentity.hash()).matches("[0-9a-f]{64}").isEqualTo(BuildIdentity.hash());
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : List.copyOf(new java.util.TreeSet<>(entries.keySet()))) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(entries.get(entry).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static LinkedHashSet<Path> set(Path path) {
        return new LinkedHashSet<>(List.of(path));
    }
}
