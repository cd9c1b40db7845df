package io.shequ.jobs.partition;

import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.SourceAccount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds one source's landed files into ledger partitions: each file names the partitions it
 * fills ({@link Slot}), a partition gathers its files, and its status is the best of theirs
 * (loaded beats quarantined beats failed: a good resubmission makes the period loaded).
 */
final class FilePartitions {

    /** One partition one file fills, with that file's report period end (its facts' lake partition). */
    record Slot(String key, LocalDate periodStart, LocalDate periodEnd, LocalDate reportEnd, String note) {}

    private record Member(LandedSource file, Slot slot, String status, long rows, String note) {}

    private final Map<String, List<Member>> byKey = new LinkedHashMap<>();

    void add(LandedSource file, List<Slot> slots, String status, SourceAccount account) {
        for (Slot slot : slots) {
            byKey.computeIfAbsent(slot.key(), k -> new ArrayList<>())
                    .add(new Member(
                            file,
                            slot,
                            status,
                            account == null ? 0 : account.rowsRead(),
                            account == null ? slot.note() : note(slot, account)));
        }
    }

    private static String note(Slot slot, SourceAccount account) {
        if (slot.note() == null) {
            return account.note();
        }
        return account.note() == null ? slot.note() : slot.note() + "; " + account.note();
    }

    List<Partition> partitions(String source, String runId, String runKind) {
        List<Partition> out = new ArrayList<>();
        byKey.forEach((key, members) -> {
            members.sort(Comparator.comparing((Member m) -> m.file().location()));
            Slot slot = members.get(0).slot();
            LocalDate reportEnd = members.stream()
                    .map(m -> m.slot().reportEnd())
                    .filter(d -> d != null)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            Instant arrived = members.stream()
                    .map(m -> Instant.ofEpochMilli(m.file().arrivedMillis()))
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            Set<String> statuses =
                    new HashSet<>(members.stream().map(Member::status).toList());
            String status = statuses.contains(Partition.LOADED)
                    ? Partition.LOADED
                    : statuses.contains(Partition.QUARANTINED) ? Partition.QUARANTINED : Partition.FAILED;
            List<String> notes = members.stream()
                    .map(Member::note)
                    .filter(n -> n != null && !n.isBlank())
                    .distinct()
                    .toList();
            out.add(new Partition(
                    source,
                    key,
                    slot.periodStart(),
                    slot.periodEnd(),
                    reportEnd,
                    members.stream().map(m -> m.file().location()).toList(),
                    members.stream().map(m -> m.file().sha256()).toList(),
                    members.stream().mapToLong(Member::rows).sum(),
                    arrived,
                    status,
                    runId,
                    runKind,
                    notes.isEmpty() ? null : String.join("; ", notes)));
        });
        return out;
    }
}
