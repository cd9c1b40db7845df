package io.shequ.jobs.extract;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.settings.PipelineSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Everything that decides what staging and conforming make of a file source, as one keyed hash:
 * its landed entries (location, bytes' SHA-256, size, modification time, duplicate, arrival,
 * refusal), the settings that bear on it (its folder, the districts, whether unreadable files
 * are tolerated), every file of the home's {@code contracts/}, {@code taxonomies/} and
 * {@code reference/} folders, of the admit folder and the corrections taken in
 * ({@code state/admissions/}), of the configured division list and rule folder, and the build
 * of Shequ ({@link BuildIdentity}). Two runs with the same fingerprint stage and conform the
 * source to the same rows.
 *
 * <p>The hash is an HMAC under the pseudonymization key: a changed key changes it (pseudonyms
 * would differ), and the stored value tells nothing about the inputs to whoever lacks the key.
 */
public final class SourceFingerprint {

    /** The run ledger's {@code source_fingerprints}: per file source a plain run read, its fingerprint; read by publish. */
    public static final LedgerEntry<Map<String, String>> LEDGER =
            LedgerEntry.of(LedgerSection.SOURCE_FINGERPRINTS, new TypeReference<>() {});

    private final byte[] key;
    private final String shared;

    private SourceFingerprint(byte[] key, String shared) {
        this.key = key;
        this.shared = shared;
    }

    /** The fingerprints of {@code settings}' file sources, with corrections dropped in {@code admitFolder}. */
    public static SourceFingerprint of(PipelineSettings settings, Path admitFolder) {
        HomeLayout layout = new HomeLayout(settings.home());
        StringBuilder text = new StringBuilder();
        text.append("build ").append(BuildIdentity.hash()).append('\n');
        text.append("districts ").append(settings.districts()).append('\n');
        text.append("tolerate-unreadable-files ")
                .append(settings.sources().tolerateUnreadableFiles())
                .append('\n');
        tree(text, "contracts", settings.home().resolve("contracts"));
        tree(text, "taxonomies", settings.home().resolve("taxonomies"));
        tree(text, "reference", layout.reference());
        tree(text, "admit", admitFolder);
        tree(text, "admissions", layout.state().resolve("admissions"));
        tree(text, "nbs-divisions", settings.reference().nbsDivisions());
        tree(text, "dq-rules", settings.reference().dqRules());
        return new SourceFingerprint(settings.pseudonymKey(), text.toString());
    }

    /** The fingerprint of {@code source}, read from {@code folder}, whose entries landed as {@code landed}. */
    public String of(String source, Path folder, List<LandedSource> landed) {
        StringBuilder text = new StringBuilder(shared);
        text.append("source ")
                .append(source)
                .append(' ')
                .append(folder.toAbsolutePath().normalize())
                .append('\n');
        for (LandedSource entry : landed) {
            text.append("entry ")
                    .append(entry.location())
                    .append('\0')
                    .append(entry.sha256())
                    .append('\0')
                    .append(entry.bytes())
                    .append('\0')
                    .append(entry.modifiedMillis())
                    .append('\0')
                    .append(entry.duplicateOf());
            if (entry.refusal() == null) {
                // a refused entry's arrival is the landing's clock, not a fact about the entry
                text.append('\0').append(entry.arrivedMillis());
            } else {
                text.append('\0')
                        .append(entry.refusal().rule())
                        .append('\0')
                        .append(entry.refusal().reason());
            }
            text.append('\n');
        }
        return hmac(text.toString());
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] k = key == null || key.length == 0 ? new byte[] {0} : key;
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Each regular file under {@code root} (the file itself when it is one): relative path and SHA-256, in path order. */
    private static void tree(StringBuilder text, String name, Path root) {
        // by content alone: a folder that is missing and one that is empty hold the same, wherever they are
        text.append("tree ").append(name).append('\n');
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            List<Path> files = new ArrayList<>();
            if (Files.isRegularFile(root)) {
                files.add(root);
            } else {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
            for (Path file : files) {
                text.append("  ")
                        .append(root.relativize(file))
                        .append('\0')
                        .append(Sha256.of(List.of(file)))
                        .append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + root + " to fingerprint the sources", e);
        }
    }
}
