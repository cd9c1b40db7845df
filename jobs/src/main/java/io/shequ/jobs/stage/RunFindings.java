package io.shequ.jobs.stage;

import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A run's {@link SourceFinding}s as its run folder holds them (its ledger's section {@code source_findings}). */
public final class RunFindings {

    private RunFindings() {}

    public static List<SourceFinding> read(Path runFolder) {
        return SourceFinding.LEDGER.read(new RunLedger(runFolder)).orElse(List.of());
    }

    /** The newest run folder under {@code <home>/runs/} that staged anything, if any (run ids sort by time). */
    public static Optional<Path> latestStaged(Path runsFolder) {
        if (!Files.isDirectory(runsFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(runsFolder)) {
            return runs.filter(r -> new RunLedger(r).has(LedgerSection.SOURCE_FINDINGS))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + runsFolder, e);
        }
    }

    /** One line per finding, warnings before notes, for the terminal. */
    public static List<String> lines(List<SourceFinding> findings) {
        return findings.stream()
                .sorted(Comparator.comparing(SourceFinding::isNote))
                .map(f -> String.format("  %-5s %-16s %s", f.isNote() ? "note" : "warn", f.kind(), f.message()))
                .toList();
    }
}
