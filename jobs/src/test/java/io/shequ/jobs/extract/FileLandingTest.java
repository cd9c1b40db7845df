package io.shequ.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shequ.jobs.run.HomeLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FileLandingTest {

    private static final String SOURCE = "street_office_reports";

    @TempDir
    Path dir;

    private Map<String, LandedSource> land(Path folder) throws IOException {
        return new FileLanding(new HomeLayout(dir.resolve("home")))
                .land(SOURCE, folder).stream().collect(Collectors.toMap(LandedSource::location, Function.identity()));
    }

    private static Path write(Path folder, String location, String text) throws IOException {
        Path file = folder.resolve(location);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String rule(LandedSource s) {
        return s.refusal() == null ? null : s.refusal().rule();
    }

    @Test
    void everyEntryIsLandedOrRefusedWithARuleAndAReasonNamingIt() throws IOException {
        Path source = dir.resolve("source");
        write(source, "东城街道/东城街道_2023年01月.csv", "社区名称,户数\n乐山社区,12\n");
        write(source, "东城街道/.东城街道_2023年02月.csv", "社区名称,户数\n乐山社区,13\n");
        write(source, "东城街道/~$东城街道_2023年03月.xlsx", "lock");
        write(source, "东城街道/说明.txt", "read me");
        write(source, "东城街道/东城街道_2023年04月.xls", "old excel");
        write(source, ".git/config", "[core]");

        Map<String, LandedSource> landed = land(source);

        assertThat(landed.keySet())
                .as("one line per entry, nothing filtered silently")
                .containsExactlyInAnyOrder(
                        "东城街道/东城街道_2023年01月.csv",
                        "东城街道/.东城街道_2023年02月.csv",
                        "东城街道/~$东城街道_2023年03月.xlsx",
                        "东城街道/说明.txt",
                        "东城街道/东城街道_2023年04月.xls",
                        ".git");
        assertThat(landed.get("东城街道/东城街道_2023年01月.csv").isRefused()).isFalse();
        assertThat(Path.of(landed.get("东城街道/东城街道_2023年01月.csv").landed())).exists();
        assertThat(rule(landed.get("东城街道/.东城街道_2023年02月.csv"))).isEqualTo("hidden_file");
        assertThat(rule(landed.get(".git")))
                .as("a hidden folder is one entry, not read")
                .isEqualTo("hidden_file");
        assertThat(rule(landed.get("东城街道/~$东城街道_2023年03月.xlsx"))).isEqualTo("lock_file");
        assertThat(rule(landed.get("东城街道/说明.txt"))).isEqualTo("unsupported_file");
        assertThat(landed.get("东城街道/东城街道_2023年04月.xls").refusal().reason())
                .as("the reason names the entry")
                .contains("东城街道_2023年04月.xls");
        assertThat(landed.get("东城街道/说明.txt").landed())
                .as("a refused entry lands nothing")
                .isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void linksOutsideTheFolderAreNotFollowedAndLoopsDoNotHangTheWalk() throws IOException {
        Path source = dir.resolve("source");
        Path outside = dir.resolve("outside");
        write(outside, "secret.csv", "社区名称,户数\n外面社区,1\n");
        write(source, "内部/东城街道_2023年01月.csv", "社区名称,户数\n乐山社区,12\n");
        Files.createSymbolicLink(source.resolve("passwd.csv"), outside.resolve("secret.csv"));
        Files.createSymbolicLink(source.resolve("外部"), outside);
        Files.createSymbolicLink(source.resolve("内部/回环"), source.resolve("内部"));
        Files.createSymbolicLink(source.resolve("自己.csv"), source.resolve("自己.csv"));
        Files.createSymbolicLink(source.resolve("断开.csv"), source.resolve("不存在.csv"));
        Files.createSymbolicLink(source.resolve("别名"), source.resolve("内部"));

        Map<String, LandedSource> landed = land(source);

        assertThat(rule(landed.get("passwd.csv"))).isEqualTo("outside_source");
        assertThat(landed.get("passwd.csv").refusal().reason()).contains("passwd.csv", "outside the source folder");
        assertThat(rule(landed.get("外部")))
                .as("a linked folder outside is one refused entry")
                .isEqualTo("outside_source");
        assertThat(landed.keySet()).as("nothing under a folder outside is read").noneMatch(l -> l.startsWith("外部/"));
        assertThat(rule(landed.get("内部/回环"))).isEqualTo("link_loop");
        assertThat(rule(landed.get("自己.csv"))).isIn("link_loop", "unreadable_file");
        assertThat(rule(landed.get("断开.csv"))).isEqualTo("unreadable_file");
        assertThat(landed.get("断开.csv").refusal().reason()).contains("does not exist");
        assertThat(landed.get("别名/东城街道_2023年01月.csv").duplicateOf())
                .as("a link inside the folder is followed: the same bytes, loaded once")
                .isEqualTo("内部/东城街道_2023年01月.csv");
        try (Stream<Path> files = Files.walk(dir.resolve("home"))) {
            assertThat(files.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString))
                    .as("nothing from outside the source folder is landed")
                    .doesNotContain("secret.csv", "passwd.csv");
        }
    }

    @Test
    void emptyFilesAreEachTheirOwnFileNeverDuplicatesOfEachOther() throws IOException {
        Path source = dir.resolve("source");
        write(source, "东城街道/东城街道_2023年01月.csv", "");
        write(source, "西城街道/西城街道_2023年01月.csv", "");
        write(source, "西城街道/西城街道_2023年02月.csv", "社区名称,户数\n乐山社区,12\n");
        write(source, "西城街道/西城街道_2023年02月(1).csv", "社区名称,户数\n乐山社区,12\n");

        Map<String, LandedSource> landed = land(source);

        assertThat(landed.get("西城街道/西城街道_2023年01月.csv").isDuplicate())
                .as("a second empty file is an empty file, not 'same bytes, loaded once'")
                .isFalse();
        assertThat(landed.get("东城街道/东城街道_2023年01月.csv").isDuplicate()).isFalse();
        assertThat(landed.get("西城街道/西城街道_2023年02月.csv").duplicateOf())
                .as("non-empty twins are still one landing (the first in path order loads)")
                .isEqualTo("西城街道/西城街道_2023年02月(1).csv");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aNamedPipeIsRefusedNotOpened() throws Exception {
        Path source = dir.resolve("source");
        Files.createDirectories(source);
        Path fifo = source.resolve("管道.csv");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is available");

        List<LandedSource> landed = new FileLanding(new HomeLayout(dir.resolve("home"))).land(SOURCE, source);

        assertThat(landed).singleElement().satisfies(s -> assertThat(rule(s)).isEqualTo("unsupported_file"));
    }
}
