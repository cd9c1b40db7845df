package io.shequ.jobs.extract;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every report file of a source folder into the landing area, content-addressed by its
 * SHA-256, so landed bytes never change and the same bytes under two names are one landing. Every
 * other entry of the folder ({@link SourceFolderEntries}) is accounted as refused, with its rule and
 * reason, so that staging quarantines it whole instead of it vanishing. Empty files are never
 * duplicates of each other: each is staged (and quarantined) as the empty file it is.
 */
public final class FileLanding {

    private final HomeLayout layout;

    private static final String ARRIVAL_MARKER = ".arrived";

    public FileLanding(HomeLayout layout) {
        this.layout = layout;
    }

    /** Lands each file under {@code folder} (recursively, in path order) for source {@code source}. */
    public List<LandedSource> land(String source, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("source folder " + folder + " for " + source + " does not exist");
        }
        List<LandedSource> landed = new ArrayList<>();
        Map<String, String> firstBySha = new HashMap<>();
        // files first seen in the same landing arrive together; their modification times order them
        long arrival = System.currentTimeMillis();
        for (SourceFolderEntries.Entry entry : SourceFolderEntries.of(folder)) {
            Path file = entry.path();
            String location = folder.relativize(file).toString().replace('\\', '/');
            if (entry.refusal() != null) {
                landed.add(LandedSource.refused(
                        source,
                        location,
                        SourceFolderEntries.sizeOf(file),
                        SourceFolderEntries.modifiedOf(file),
                        arrival,
                        entry.refusal()));
                continue;
            }
            try {
                landed.add(landFile(source, file, location, arrival, firstBySha));
            } catch (IOException e) {
                // a file that vanished or failed to read midway is accounted, not a crashed extract
                landed.add(LandedSource.refused(
                        source,
                        location,
                        SourceFolderEntries.sizeOf(file),
                        SourceFolderEntries.modifiedOf(file),
                        arrival,
                        new LandedSource.Refusal(
                                RejectRule.UNREADABLE_FILE.code(),
                                "'" + file.getFileName() + "' cannot be read: " + e)));
            }
        }
        return landed;
    }

    private LandedSource landFile(
            String source, Path file, String location, long arrival, Map<String, String> firstBySha)
            throws IOException {
        String sha = Sha256.of(List.of(file));
        Path target =
                layout.landingFiles().resolve(sha).resolve(file.getFileName().toString());
        long arrived = arrivalOf(target.getParent(), arrival);
        if (!Files.exists(target)) {
            OwnerOnly.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            // the landed copy is owner-only whatever the source file's mode
            try (OutputStream out = OwnerOnly.newOutputStream(tmp)) {
                Files.copy(file, out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            target.toFile().setWritable(false, false);
        }
        long bytes = Files.size(file);
        // two empty files are two empty files, not one file sent twice
        String duplicateOf = bytes == 0 ? null : firstBySha.putIfAbsent(sha, location);
        return new LandedSource(
                source,
                location,
                target.toString(),
                sha,
                bytes,
                Files.getLastModifiedTime(file).toMillis(),
                duplicateOf,
                arrived);
    }

    /**
     * When these bytes first arrived: written once into their content folder by the landing that
     * first saw them, so a later landing of the same bytes (under any name) keeps the first time.
     */
    private static long arrivalOf(Path contentFolder, long now) throws IOException {
        Path marker = contentFolder.resolve(ARRIVAL_MARKER);
        if (Files.exists(marker)) {
            return Long.parseLong(Files.readString(marker).strip());
        }
        OwnerOnly.createDirectories(contentFolder);
        Path tmp = contentFolder.resolve(ARRIVAL_MARKER + ".part");
        OwnerOnly.writeString(tmp, Long.toString(now));
        Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return now;
    }
}
