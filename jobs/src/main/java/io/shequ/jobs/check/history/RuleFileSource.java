package io.shequ.jobs.check.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a data-quality file by its path under {@code dq/}: the user's folder
 * ({@code reference.dq-rules}) first, so rules change without a rebuild, else the bundled copy.
 */
final class RuleFileSource {

    /** A file's text and where it came from, for messages that name it. */
    record RuleFile(String location, String text) {}

    private final Path overrideFolder;

    RuleFileSource(Path overrideFolder) {
        this.overrideFolder = overrideFolder;
    }

    Optional<RuleFile> find(String relativePath) {
        try {
            if (overrideFolder != null) {
                Path file = overrideFolder.resolve(relativePath);
                if (Files.isRegularFile(file)) {
                    return Optional.of(new RuleFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
            try (InputStream in = RuleFileSource.class.getClassLoader().getResourceAsStream("dq/" + relativePath)) {
                return in == null
                        ? Optional.empty()
                        : Optional.of(new RuleFile(
                                "dq/" + relativePath + " (bundled)",
                                new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading data-quality file " + relativePath, e);
        }
    }
}
