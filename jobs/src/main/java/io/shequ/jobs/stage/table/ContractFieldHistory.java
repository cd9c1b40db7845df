package io.shequ.jobs.stage.table;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.RunLedger;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which contract fields each office has supplied, and the first run that read each one
 * ({@code state/contract-fields/<source>.json}), so that a field an office supplied in earlier
 * files and drops now is told (schema drift) rather than silently read as absent. Fields first
 * read by the current run do not count as earlier, so a restarted stage finds the same drift.
 */
public final class ContractFieldHistory {

    private final Path file;
    private final String runId;
    private final Map<String, Map<String, String>> firstRunByOfficeAndField;

    public ContractFieldHistory(Path file, String runId) {
        this.file = file;
        this.runId = runId;
        try {
            this.firstRunByOfficeAndField = Files.isRegularFile(file)
                    ? RunLedger.JSON.readValue(
                            file.toFile(), new TypeReference<TreeMap<String, Map<String, String>>>() {})
                    : new TreeMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** The fields {@code office} supplied in an earlier run that {@code supplied} lacks, in name order. */
    public List<String> dropped(String office, Collection<String> supplied) {
        return firstRunByOfficeAndField.getOrDefault(office, Map.of()).entrySet().stream()
                .filter(e -> !e.getValue().equals(runId) && !supplied.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Notes that {@code office} supplied these fields in this run. */
    public void record(String office, Collection<String> supplied) {
        Map<String, String> fields = firstRunByOfficeAndField.computeIfAbsent(office, o -> new TreeMap<>());
        supplied.forEach(f -> fields.putIfAbsent(f, runId));
    }

    public void save() {
        try {
            OwnerOnly.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = OwnerOnly.newOutputStream(tmp)) {
                RunLedger.JSON.writeValue(out, firstRunByOfficeAndField);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
