package io.shequ.simulator;

import io.shequ.schemas.contract.RejectRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@link MessKind#STRAY_ENTRIES}: what else lies in a procurement folder beside the ledgers: a hidden
 * copy of a ledger, a link to a file outside the folder, and a link to the folder itself (a loop).
 * None is a source; each must be accounted for with its rule.
 */
final class StrayEntries {

    private StrayEntries() {}

    static List<GroundTruthWriter.StrayRow> write(Path out, Path ledger) throws IOException {
        Path folder = out.resolve(LedgerWriter.FOLDER);
        Path hidden = folder.resolve("." + ledger.getFileName());
        Files.copy(ledger, hidden);
        Path outside = folder.resolve("共享台账.csv");
        Files.createSymbolicLink(outside, Paths.get("..", GroundTruthWriter.FOLDER, "contracts.csv"));
        Path loop = folder.resolve("归档");
        Files.createSymbolicLink(loop, Paths.get("."));
        return List.of(
                new GroundTruthWriter.StrayRow(
                        relative(out, hidden), "hidden copy of a ledger", RejectRule.HIDDEN_FILE.code()),
                new GroundTruthWriter.StrayRow(
                        relative(out, outside), "link to a file outside the folder", RejectRule.OUTSIDE_SOURCE.code()),
                new GroundTruthWriter.StrayRow(
                        relative(out, loop), "link to the folder itself", RejectRule.LINK_LOOP.code()));
    }

    private static String relative(Path out, Path entry) {
        return out.relativize(entry).toString();
    }
}
