package io.shequ.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@link MessKind#LEDGER_RESENT}: the district sends its ledger again a month later without two of
 * its effective contracts. The second version goes to {@code resent/procurement/} under the same
 * name and its truth to {@code resent/ground-truth/contracts.csv}: copy {@code resent/} over the
 * output folder for a later run, after which the two contracts must be gone from lake and warehouse.
 */
final class LedgerResend {

    static final String FOLDER = "resent";
    static final int REMOVED = 2;

    private LedgerResend() {}

    /**
     * Writes the resent ledger under {@code out/resent} when the ledger has two contracts to drop, and
     * returns the truth of every ledger row after it arrives (the other files' rows unchanged); else empty.
     */
    static List<GroundTruthWriter.ContractRow> write(
            Path out, List<LedgerFile> ledgers, List<GroundTruthWriter.ContractRow> truth, Random random)
            throws IOException {
        LedgerFile ledger = ledgers.get(0);
        List<Integer> droppable = new ArrayList<>();
        for (int i = 0; i < ledger.rows().size(); i++) {
            LedgerRow row = ledger.rows().get(i);
            if (row.rule() == null && row.supersededBy() == null) {
                droppable.add(i);
            }
        }
        if (droppable.size() <= REMOVED) {
            return List.of();
        }
        List<Integer> dropped = new ArrayList<>();
        while (dropped.size() < REMOVED) {
            dropped.add(droppable.remove(random.nextInt(droppable.size())));
        }
        List<LedgerRow> kept = new ArrayList<>();
        for (int i = 0; i < ledger.rows().size(); i++) {
            if (!dropped.contains(i)) {
                kept.add(ledger.rows().get(i));
            }
        }
        LedgerFile resent = ledger.resent(kept, ledger.savedAt().plusDays(30));
        List<GroundTruthWriter.ContractRow> after =
                new ArrayList<>(LedgerWriter.write(out.resolve(FOLDER), List.of(resent)));
        String name = LedgerWriter.FOLDER + "/" + ledger.name();
        truth.stream().filter(r -> !r.file().equals(name)).forEach(after::add);
        return after;
    }
}
