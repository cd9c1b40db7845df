package io.shequ.jobs.extract;

import io.shequ.jobs.run.HomeLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies every report file of a source folder into the landing area, content-addressed by its
 * SHA-256, so landed bytes never change and the same bytes under two names are one landing.
 */
public final class FileLanding {

    private static final List<String> EXTENSIONS = List.of(".xlsx", ".csv");

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
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(FileLanding::isReport).sorted().toList();
        }
        List<LandedSource> landed = new ArrayList<>();
        Map<String, String> firstBySha = new HashMap<>();
        // files first seen in the same landing arrive together; their modification times order them
        long arrival = System.currentTimeMillis();
        for (Path file : files) {
            String sha = Sha256.of(List.of(file));
            String location = folder.relativize(file).toString().replace('\\', '/');
            Path target = layout.landingFiles().resolve(sha).resolve(file.getFileName().toString());
            long arrived = arrivalOf(target.getParent(), arrival);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path tmp = target.resolveSibling(target.getFileName() + ".part");
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                target.toFile().setWritable(false, false);
            }
            String duplicateOf = firstBySha.putIfAbsent(sha, location);
            landed.add(new LandedSource(source, location, target.toString(), sha, Files.size(file),
                    Files.getLastModifiedTime(file).toMillis(), duplicateOf, arrived));
        }
        return landed;
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
        Files.createDirectories(contentFolder);
        Path tmp = contentFolder.resolve(ARRIVAL_MARKER + ".part");
        Files.writeString(tmp, Long.toString(now));
        Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return now;
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith("~$") && !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
