package io.shequ.jobs.extract;

import io.shequ.schemas.contract.SourceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which build of Shequ is running, as a hash: a new build (new code, new bundled contracts,
 * taxonomies or division lists, a new library) has a new identity, so nothing an earlier build
 * staged is taken for what this one would stage. For a jar it hashes every entry's name, size and
 * CRC from the jar's central directory (no entry is inflated); for a folder of classes (a build
 * tree) every file's path, size and modification time. Computed once per JVM.
 */
public final class BuildIdentity {

    private static volatile String hash;

    private BuildIdentity() {}

    /** The identity of the running build. */
    public static String hash() {
        String h = hash;
        if (h == null) {
            synchronized (BuildIdentity.class) {
                if (hash == null) {
                    hash = compute(codeSources(List.of(BuildIdentity.class, SourceContract.class)));
                }
                h = hash;
            }
        }
        return h;
    }

    /** The identity of the code in {@code sources}: jars and folders of classes. */
    static String compute(Set<Path> sources) {
        MessageDigest digest = Sha256.newDigest();
        try {
            for (Path source : sources) {
                digest.update(bytes("source\0"));
                if (Files.isDirectory(source)) {
                    folder(source, digest);
                } else if (Files.isRegularFile(source)) {
                    jar(source, digest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the build of Shequ to identify it", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Set<Path> codeSources(List<Class<?>> classes) {
        Set<Path> sources = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            try {
                sources.add(Path.of(
                        type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                // a class from no file (an unusual class loader): the build is then told by nothing else
                sources.add(Path.of("unknown:" + type.getName()));
            }
        }
        return sources;
    }

    private static void jar(Path jar, MessageDigest digest) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                digest.update(bytes(entry.getName() + "\0" + entry.getSize() + "\0" + entry.getCrc() + "\n"));
            }
        }
    }

    private static void folder(Path root, MessageDigest digest) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(bytes(root.relativize(file) + "\0" + Files.size(file) + "\0"
                        + Files.getLastModifiedTime(file).toMillis() + "\n"));
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
