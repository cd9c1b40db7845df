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

/**
 * What a run has found out so far, kept on disk in {@code runs/<run-id>/ledger.json} so that a
 * restarted run still knows what its earlier steps recorded. Each step writes its own section.
 */
public final class RunLedger {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public RunLedger(HomeLayout layout, String runId) {
        this.file = layout.run(runId).resolve("ledger.json");
    }

    /** Replaces one section (e.g. "sources.community_reports") with {@code value}. */
    public synchronized void put(String section, Object value) {
        ObjectNode root = read();
        root.set(section, JSON.valueToTree(value));
        write(root);
    }

    public synchronized JsonNode get(String section) {
        return read().get(section);
    }

    public synchronized ObjectNode read() {
        try {
            if (!Files.exists(file)) {
                return JSON.createObjectNode();
            }
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private void write(ObjectNode root) {
        try {
            OwnerOnly.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = OwnerOnly.newOutputStream(tmp)) {
                JSON.writeValue(out, root);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
