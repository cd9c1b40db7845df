package io.shequ.warehouse.bulletin;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Writes one bulletin into a folder: {@code index.html} and its assets beside it (ECharts from its
 * webjar, the stylesheet and the script that draws the charts), so it opens offline from a file
 * share. Files are written owner-only, like everything under the home, to a temporary name and
 * moved, so a reader never sees half a page.
 */
public final class BulletinWriter {

    private static final String ECHARTS_POM = "META-INF/maven/org.webjars/echarts/pom.properties";

    private BulletinWriter() {}

    /** Writes the bulletin of {@code figures} into {@code folder} and returns its {@code index.html}. */
    public static Path write(BulletinFigures figures, Path folder) {
        try {
            OwnerOnly.createDirectories(folder);
            copy(
                    "META-INF/resources/webjars/echarts/" + echartsVersion() + "/echarts.min.js",
                    folder.resolve("echarts.min.js"));
            copy("io/shequ/warehouse/bulletin/bulletin.css", folder.resolve("bulletin.css"));
            copy("io/shequ/warehouse/bulletin/bulletin.js", folder.resolve("bulletin.js"));
            Path index = folder.resolve("index.html");
            Path temporary = folder.resolve(".index.html.tmp");
            OwnerOnly.writeString(temporary, BulletinPage.render(figures));
            Files.move(temporary, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the bulletin into " + folder, e);
        }
    }

    private static String echartsVersion() throws IOException {
        try (InputStream in = resource(ECHARTS_POM)) {
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = resource(resource)) {
            Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
            OwnerOnly.write(temporary, in.readAllBytes());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = BulletinWriter.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing " + path + " on the class path");
        }
        return in;
    }
}
