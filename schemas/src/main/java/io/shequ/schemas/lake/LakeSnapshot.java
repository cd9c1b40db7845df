package io.shequ.schemas.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consistent set of lake table snapshots that one run committed, and that publishing reads.
 * Written as {@code lake-snapshot.json} in the run's folder.
 */
public record LakeSnapshot(String catalog, String namespace, Instant committedAt, List<LakeTable> tables) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public LakeSnapshot {
        tables = List.copyOf(tables);
    }

    public Optional<LakeTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public void write(Path file) {
        try (OutputStream out = OwnerOnly.newOutputStream(file)) {
            JSON.writeValue(out, this);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    public static LakeSnapshot read(Path file) {
        try {
            return JSON.readValue(file.toFile(), LakeSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
