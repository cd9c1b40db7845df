package io.shequ.jobs.value;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.check.RuleOutcome;
import io.shequ.jobs.check.RuleStage;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunLedger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run ledger's {@code value_accounting} section, which the run summary carries: {@code files}
 * (a {@link ValueAccount} per source file and numeric field), {@code run} (the same sums per
 * source and field for the whole run) and {@code unexplained} (how many differences no named row
 * explains). Each step that moves values reads the accounts, adds its side and writes them back.
 */
public final class ValueLedger {

    /** The dataset name value-accounting findings carry among the data-quality outcomes. */
    public static final String DATASET = "value_accounting";

    private final RunLedger ledger;

    public ValueLedger(RunLedger ledger) {
        this.ledger = ledger;
    }

    public List<ValueAccount> read() {
        JsonNode section = ledger.get(LedgerSection.VALUE_ACCOUNTING);
        return section == null || !section.has("files")
                ? List.of()
                : RunLedger.JSON.convertValue(section.get("files"), new TypeReference<List<ValueAccount>>() {});
    }

    /** Staging's accounts, kept aside the first time they are read so that a restarted step adjusts them once. */
    public List<ValueAccount> readAsOf(LedgerSection kept) {
        JsonNode before = ledger.get(kept);
        if (before == null) {
            List<ValueAccount> accounts = read();
            ledger.put(kept, accounts);
            return accounts;
        }
        return RunLedger.JSON.convertValue(before, new TypeReference<List<ValueAccount>>() {});
    }

    public void write(List<ValueAccount> accounts) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put(
                "unexplained",
                accounts.stream().mapToLong(a -> a.problems().size()).sum());
        section.put("run", totals(accounts));
        section.put("files", accounts);
        ledger.put(LedgerSection.VALUE_ACCOUNTING, section);
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

    /** Per source and field, the run's sums; a side no account has yet stays null. */
    static List<Map<String, Object>> totals(List<ValueAccount> accounts) {
        Map<String, Map<String, Object>> totals = new LinkedHashMap<>();
        for (ValueAccount a : accounts) {
            Map<String, Object> t = totals.computeIfAbsent(a.source() + "\u0000" + a.field(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", a.source());
                m.put("field", a.field());
                m.put("files", 0);
                return m;
            });
            t.merge("files", 1, (x, y) -> (Integer) x + (Integer) y);
            add(t, "read", a.read());
            add(t, "staged", a.staged());
            add(t, "quarantined", a.quarantined());
            add(t, "unparsedCells", BigDecimal.valueOf(a.unparsed().size()));
            add(t, "lake", a.lake());
            add(t, "notInLakeSum", a.notInLakeSum());
            add(t, "published", a.published());
        }
        return new ArrayList<>(totals.values());
    }

    private static void add(Map<String, Object> total, String key, BigDecimal value) {
        if (value != null) {
            total.merge(key, value, (x, y) -> ((BigDecimal) x).add((BigDecimal) y));
        }
    }
}
