package io.shequ.jobs.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds a dataset's DQDL rule files: {@code <stage>/<dataset>.<level>.dqdl} in the user's rule
 * folder wins over the bundled {@code dq/<stage>/<dataset>.<level>.dqdl}, so rules change
 * without a rebuild. For the staged sources a user's file under the older flat name
 * {@code <dataset>.<level>.dqdl} (directly in the rule folder) still counts. Levels are read
 * error first, then warn.
 */
public final class RuleFiles {

    public static final List<String> LEVELS = List.of("error", "warn");

    private final Path overrideFolder;

    /** @param overrideFolder the configured rule folder ({@code reference.dq-rules}), or null */
    public RuleFiles(Path overrideFolder) {
        this.overrideFolder = overrideFolder;
    }

    /** The rule files that exist for {@code dataset} at {@code stage}, error level first. */
    public List<RuleFile> of(RuleStage stage, String dataset) {
        List<RuleFile> files = new ArrayList<>();
        for (String level : LEVELS) {
            find(stage, dataset + "." + level + ".dqdl", level).ifPresent(files::add);
        }
        return files;
    }

    private Optional<RuleFile> find(RuleStage stage, String fileName, String level) {
        try {
            if (overrideFolder != null) {
                List<Path> candidates = stage == RuleStage.STAGED
                        ? List.of(
                                overrideFolder.resolve(stage.folder()).resolve(fileName),
                                overrideFolder.resolve(fileName))
                        : List.of(overrideFolder.resolve(stage.folder()).resolve(fileName));
                for (Path candidate : candidates) {
                    if (Files.isRegularFile(candidate)) {
                        return Optional.of(
                                new RuleFile(candidate.toString(), level, blankComments(Files.readString(candidate))));
                    }
                }
            }
            String resource = "dq/" + stage.folder() + "/" + fileName;
            try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
                return in == null
                        ? Optional.empty()
                        : Optional.of(new RuleFile(
                                "classpath:" + resource,
                                level,
                                blankComments(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading rule file " + fileName, e);
        }
    }

    /** Comment lines (#) become empty lines, so the parser's line numbers are the file's. */
    private static String blankComments(String text) {
        return text.lines().map(l -> l.strip().startsWith("#") ? "" : l).collect(Collectors.joining("\n"));
    }
}
