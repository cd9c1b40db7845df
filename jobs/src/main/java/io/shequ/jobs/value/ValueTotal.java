package io.shequ.jobs.value;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One source and numeric field's sums over a whole run: what {@code value_accounting.run} holds. A
 * side no file's account has yet (a run that stopped before the lake) is null and left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueTotal(
        String source,
        String field,
        int files,
        BigDecimal read,
        BigDecimal staged,
        BigDecimal quarantined,
        BigDecimal unparsedCells,
        BigDecimal lake,
        BigDecimal notInLakeSum,
        BigDecimal published) {

    /** Per source and field, in the order they first appear, the sums of {@code accounts}. */
    static List<ValueTotal> of(List<ValueAccount> accounts) {
        Map<String, ValueTotal> totals = new LinkedHashMap<>();
        for (ValueAccount a : accounts) {
            ValueTotal one = new ValueTotal(
                    a.source(),
                    a.field(),
                    1,
                    a.read(),
                    a.staged(),
                    a.quarantined(),
                    BigDecimal.valueOf(a.unparsed().size()),
                    a.lake(),
                    a.notInLakeSum(),
                    a.published());
            totals.merge(a.source() + "\u0000" + a.field(), one, ValueTotal::plus);
        }
        return List.copyOf(totals.values());
    }

    private ValueTotal plus(ValueTotal o) {
        return new ValueTotal(
                source,
                field,
                files + o.files,
                add(read, o.read),
                add(staged, o.staged),
                add(quarantined, o.quarantined),
                add(unparsedCells, o.unparsedCells),
                add(lake, o.lake),
                add(notInLakeSum, o.notInLakeSum),
                add(published, o.published));
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    /** The sides shown, with their values, in the order of the accounting: read → published. */
    Map<String, BigDecimal> sides() {
        Map<String, BigDecimal> sides = new LinkedHashMap<>();
        sides.put("read", read);
        sides.put("staged", staged);
        sides.put("quarantined", quarantined);
        sides.put("lake", lake);
        sides.put("notInLakeSum", notInLakeSum);
        sides.put("published", published);
        sides.values().removeIf(v -> v == null);
        return sides;
    }
}
