package io.shequ.jobs.value;

import io.shequ.jobs.run.RunLedger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published side of value accounting: the warehouse audit {@code values_reconcile:<table>}
 * measured each source file's sums in the built snapshot (its {@code figures}: file → lake column
 * → sum); they go into the files' value accounts, and out of the audit lines, which keep the text.
 */
public final class PublishedValues {

    private PublishedValues() {}

    /** Records the audits' figures in the ledger's value accounting; returns the audits without them. */
    public static List<Map<String, Object>> record(RunLedger ledger, List<Map<String, Object>> audits) {
        Map<String, Object> figures = new HashMap<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> audit : audits) {
            Map<String, Object> line = new LinkedHashMap<>(audit);
            Object f = line.remove("figures");
            if (f instanceof Map<?, ?> byFile) {
                byFile.forEach((file, sums) -> figures.put(String.valueOf(file), sums));
            }
            lines.add(line);
        }
        if (figures.isEmpty()) {
            return lines;
        }
        ValueLedger values = new ValueLedger(ledger);
        List<ValueAccount> accounts = new ArrayList<>();
        for (ValueAccount a : values.read()) {
            Object sums = figures.get(a.location());
            Object sum = sums instanceof Map<?, ?> byColumn ? byColumn.get(a.lakeColumn()) : null;
            // a file whose rows all left before the lake has no published rows: its published sum is 0
            accounts.add(
                    a.lake() == null
                            ? a
                            : a.withPublished(sum == null ? BigDecimal.ZERO : new BigDecimal(sum.toString())));
        }
        values.write(accounts);
        return lines;
    }
}
