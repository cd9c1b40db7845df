package io.shequ.jobs.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A ledger section together with the type of what it holds. A typed section is written and read
 * only through its entry, which the type that owns the content declares beside it (for example
 * {@code GridExtract.LEDGER}): the step that writes it and every reader then agree on one record
 * type, checked by the compiler, instead of each converting {@link JsonNode}s its own way.
 *
 * @param <T> the content: a record, or a list or map of records
 */
public final class LedgerEntry<T> {

    private final LedgerSection section;
    private final JavaType type;

    private LedgerEntry(LedgerSection section, JavaType type) {
        this.section = Objects.requireNonNull(section, "section");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The entry of {@code section}, holding a {@code T}. */
    public static <T> LedgerEntry<T> of(LedgerSection section, TypeReference<T> type) {
        return new LedgerEntry<>(section, RunLedger.JSON.getTypeFactory().constructType(type));
    }

    public LedgerSection section() {
        return section;
    }

    /** Replaces the section in {@code ledger} with {@code value}. */
    public void write(RunLedger ledger, T value) {
        ledger.put(section, Objects.requireNonNull(value, "value"));
    }

    /** The section's content in {@code ledger}, or empty when the run has not written it. */
    public Optional<T> read(RunLedger ledger) {
        JsonNode node = ledger.get(section);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(RunLedger.JSON.convertValue(node, type));
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + section.key() + ": " + type.toCanonical() + "]";
    }
}
