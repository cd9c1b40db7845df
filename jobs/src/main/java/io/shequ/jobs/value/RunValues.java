package io.shequ.jobs.value;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The value accounting of the latest run that has one, as lines for {@code shequ status}. */
public final class RunValues {

    private static final List<String> SIDES =
            List.of("read", "staged", "quarantined", "lake", "notInLakeSum", "published");

    private RunValues() {}

    /** The latest run folder whose ledger has a {@code value_accounting} section. */
    public static Optional<Path> latest(Path runsFolder) {
        if (!Files.isDirectory(runsFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(runsFolder)) {
            return runs.filter(r -> new RunLedger(r).has(LedgerSection.VALUE_ACCOUNTING))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + runsFolder, e);
        }
    }

    /** A heading with the unexplained count, then the run's sums per source and field. */
    public static List<String> lines(Path run) {
        JsonNode section = section(run);
        List<String> lines = new ArrayList<>();
        if (section == null) {
            return lines;
        }
        lines.add("value accounting of run " + run.getFileName() + ": "
                + section.path("unexplained").asLong() + " unexplained difference(s)");
        for (JsonNode total : section.path("run")) {
            StringBuilder line = new StringBuilder("  " + total.path("source").asText() + "  "
                    + total.path("field").asText() + " (" + total.path("files").asInt() + " file(s)):");
            for (String side : SIDES) {
                if (total.has(side)) {
                    line.append(' ')
                            .append(side)
                            .append(' ')
                            .append(total.path(side).asText());
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static JsonNode section(Path run) {
        try {
            JsonNode section = new RunLedger(run).get(LedgerSection.VALUE_ACCOUNTING);
            return section == null || section.isNull() ? null : section;
        } catch (UncheckedIOException e) {
            return null;
        }
    }
}
