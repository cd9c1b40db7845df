package io.shequ.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a run has found out so far, kept on disk in {@code runs/<run-id>/ledger/} so that a
 * restarted run still knows what its earlier steps recorded. Each step writes its own sections,
 * one file per section ({@code ledger/<section>.json}, replaced atomically): writing or reading a
 * section costs its own size, not the whole ledger's, which at city scale holds megabytes of
 * per-file value accounting. Runs of earlier versions kept every section in one
 * {@code ledger.json}; it is still read, never written.
 */
public final class RunLedger {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final String SUFFIX = ".json";

    private final Path folder;
    private final Path legacy;

    public RunLedger(HomeLayout layout, String runId) {
        this(layout.run(runId));
    }

    /** The ledger of the run whose folder is {@code runFolder} ({@code <home>/runs/<run-id>}). */
    public RunLedger(Path runFolder) {
        this.folder = runFolder.resolve("ledger");
        this.legacy = runFolder.resolve("ledger.json");
    }

    /** Whether the run has recorded anything yet. */
    public boolean exists() {
        return Files.isDirectory(folder) || Files.isRegularFile(legacy);
    }

    /** Whether the run recorded {@code section}. */
    public boolean has(LedgerSection section) {
        if (Files.isDirectory(folder)) {
            return Files.isRegularFile(file(section));
        }
        JsonNode all = readLegacy();
        return all != null && all.has(section.key());
    }

    /** Replaces one section with {@code value}; steps write through the section's {@link LedgerEntry}. */
    synchronized void put(LedgerSection section, Object value) {
        Path target = file(section);
        try {
            OwnerOnly.createDirectories(folder);
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            try (OutputStream out = OwnerOnly.newOutputStream(tmp)) {
                JSON.writeValue(out, JSON.valueToTree(value));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target, e);
        }
    }

    /**
     * The section as recorded, or {@code null} when the run has not recorded it; steps read
     * through the section's {@link LedgerEntry}.
     */
    synchronized JsonNode get(LedgerSection section) {
        if (Files.isDirectory(folder)) {
            Path source = file(section);
            return Files.isRegularFile(source) ? readTree(source) : null;
        }
        JsonNode all = readLegacy();
        return all == null ? null : all.get(section.key());
    }

    /** Every section, by its {@link LedgerSection#key()}. */
    public synchronized ObjectNode read() {
        ObjectNode root = JSON.createObjectNode();
        if (!Files.isDirectory(folder)) {
            JsonNode all = readLegacy();
            return all instanceof ObjectNode legacyRoot ? legacyRoot : root;
        }
        for (Path section : sectionFiles()) {
            String name = section.getFileName().toString();
            root.set(name.substring(0, name.length() - SUFFIX.length()), readTree(section));
        }
        return root;
    }

    private List<Path> sectionFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + folder, e);
        }
    }

    private Path file(LedgerSection section) {
        return folder.resolve(section.key() + SUFFIX);
    }

    private JsonNode readLegacy() {
        return Files.isRegularFile(legacy) ? readTree(legacy) : null;
    }

    private static JsonNode readTree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
