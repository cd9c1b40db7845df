package io.shequ.jobs.run;

/**
 * Writes a ledger section as raw JSON-shaped values (maps and lists), the way an earlier release
 * or a hand-made fixture would have left it, for tests that read it back through a typed
 * {@link LedgerEntry}.
 */
public final class LedgerFixture {

    private LedgerFixture() {}

    public static void put(RunLedger ledger, LedgerSection section, Object value) {
        ledger.put(section, value);
    }
}
