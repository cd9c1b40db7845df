package io.shequ.jobs.check;

import io.shequ.jobs.run.SourceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves rows the staged sources' rules took out from "staged" to "quarantined" in each source's
 * row accounting, so that rows read = rows staged + rows quarantined still holds per file or table.
 */
public final class StagedAccounts {

    private StagedAccounts() {}

    /**
     * @param accounts     the accounts as staging wrote them
     * @param quarantined  source NUL location → rows the check quarantined
     */
    public static List<SourceAccount> afterCheck(List<SourceAccount> accounts, Map<String, Long> quarantined) {
        List<SourceAccount> adjusted = new ArrayList<>();
        for (SourceAccount a : accounts) {
            long n = quarantined.getOrDefault(key(a.source(), a.location()), 0L);
            if (n == 0) {
                adjusted.add(a);
                continue;
            }
            String note = n + " row(s) quarantined by data-quality rules";
            adjusted.add(new SourceAccount(
                    a.source(),
                    a.location(),
                    a.rowsRead(),
                    a.rowsStaged() - n,
                    a.rowsQuarantined() + n,
                    a.note() == null ? note : a.note() + "; " + note));
        }
        return adjusted;
    }

    public static String key(String source, String location) {
        return source + "\u0000" + location;
    }
}
