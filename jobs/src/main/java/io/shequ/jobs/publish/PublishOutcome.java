package io.shequ.jobs.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.List;
import java.util.Map;

/**
 * The run ledger's {@code publish}: whether the built snapshot was published, kept as it was, or
 * blocked and why, with every audit's line.
 *
 * @param status {@code published}, {@code unchanged} (the current snapshot already held these
 *     rows and stays current) or {@code blocked}
 * @param reason why the publish was blocked; null otherwise
 * @param snapshot the snapshot made (or kept) current; null when blocked
 * @param current the link readers open
 * @param audits each audit's name, outcome and detail
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishOutcome(
        String status, String reason, String snapshot, String current, List<Map<String, Object>> audits) {

    public static final LedgerEntry<PublishOutcome> LEDGER =
            LedgerEntry.of(LedgerSection.PUBLISH, new TypeReference<>() {});

    /** The run ledger's {@code published}: the snapshot made current, once it is. */
    public static final LedgerEntry<Published> PUBLISHED =
            LedgerEntry.of(LedgerSection.PUBLISHED, new TypeReference<>() {});

    /** A snapshot made current, and the link readers open. */
    public record Published(String snapshot, String current) {}

    public static PublishOutcome blocked(String reason, String current, List<Map<String, Object>> audits) {
        return new PublishOutcome("blocked", reason, null, current, audits);
    }

    public static PublishOutcome published(
            boolean rebuilt, String snapshot, String current, List<Map<String, Object>> audits) {
        return new PublishOutcome(rebuilt ? "published" : "unchanged", null, snapshot, current, audits);
    }
}
