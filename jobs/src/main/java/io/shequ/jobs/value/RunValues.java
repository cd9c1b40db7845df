package io.shequ.jobs.value;

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
        List<String> lines = new ArrayList<>();
        Optional<ValueAccounting> accounting = accounting(run);
        if (accounting.isEmpty()) {
            return lines;
        }
        lines.add("value accounting of run " + run.getFileName() + ": "
                + accounting.get().unexplained() + " unexplained difference(s)");
        for (ValueTotal total : accounting.get().run()) {
            StringBuilder line = new StringBuilder(
                    "  " + total.source() + "  " + total.field() + " (" + total.files() + " file(s)):");
            total.sides()
                    .forEach((side, sum) ->
                            line.append(' ').append(side).append(' ').append(sum.toPlainString()));
            lines.add(line.toString());
        }
        return lines;
    }

    private static Optional<ValueAccounting> accounting(Path run) {
        try {
            return ValueAccounting.LEDGER.read(new RunLedger(run));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
