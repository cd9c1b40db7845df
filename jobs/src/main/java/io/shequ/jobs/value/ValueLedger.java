package io.shequ.jobs.value;

import io.shequ.jobs.check.RuleOutcome;
import io.shequ.jobs.check.RuleStage;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.RunLedger;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's value accounts in its ledger ({@link ValueAccounting}). Each step that moves values
 * reads the accounts, adds its side and writes them back.
 */
public final class ValueLedger {

    /** The dataset name value-accounting findings carry among the data-quality outcomes. */
    public static final String DATASET = "value_accounting";

    private final RunLedger ledger;

    public ValueLedger(RunLedger ledger) {
        this.ledger = ledger;
    }

    public List<ValueAccount> read() {
        return ValueAccounting.LEDGER.read(ledger).map(ValueAccounting::files).orElse(List.of());
    }

    /**
     * The accounts as they were when {@code kept} was first read (kept aside then), so that a
     * restarted step adjusts them once.
     */
    public List<ValueAccount> readAsOf(LedgerEntry<List<ValueAccount>> kept) {
        return kept.read(ledger).orElseGet(() -> {
            List<ValueAccount> accounts = read();
            kept.write(ledger, accounts);
            return accounts;
        });
    }

    public void write(List<ValueAccount> accounts) {
        ValueAccounting.LEDGER.write(ledger, ValueAccounting.of(accounts));
    }

    /** Every difference no named row explains, as an error-level outcome that blocks the run. */
    public static List<RuleOutcome> findings(List<ValueAccount> accounts, RuleStage stage) {
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (ValueAccount a : accounts) {
            for (String problem : a.problems()) {
                outcomes.add(new RuleOutcome(
                        DATASET,
                        "error",
                        "ValueAccounting \"" + a.field() + "\" " + a.location(),
                        "Failed",
                        a.describe(problem),
                        stage.folder(),
                        null,
                        false));
            }
        }
        return outcomes;
    }
}
