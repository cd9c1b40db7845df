package io.shequ.jobs.partition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The run ledger's {@code partitions}: the partitions a run recorded in the partition ledger, by
 * status and by source.
 *
 * @param runKind the run's kind ({@link RunScope.Kind#id()})
 */
public record PartitionCounts(
        @JsonProperty("run_kind") String runKind,
        long loaded,
        long quarantined,
        long failed,
        @JsonProperty("by_source") Map<String, Long> bySource) {

    public static final LedgerEntry<PartitionCounts> LEDGER =
            LedgerEntry.of(LedgerSection.PARTITIONS, new TypeReference<>() {});

    /** The counts of {@code processed}, the partitions a run of kind {@code runKind} recorded. */
    public static PartitionCounts of(String runKind, List<Partition> processed) {
        return new PartitionCounts(
                runKind,
                count(processed, Partition.LOADED),
                count(processed, Partition.QUARANTINED),
                count(processed, Partition.FAILED),
                processed.stream()
                        .collect(Collectors.groupingBy(Partition::source, TreeMap::new, Collectors.counting())));
    }

    private static long count(List<Partition> processed, String status) {
        return processed.stream().filter(p -> p.status().equals(status)).count();
    }
}
