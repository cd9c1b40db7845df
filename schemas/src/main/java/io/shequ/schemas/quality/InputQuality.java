package io.shequ.schemas.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How complete and clean the inputs behind a warehouse snapshot were, published with it as its
 * {@code dq_} tables: rows and files quarantined by rule, names resolved to division codes,
 * source findings (unmapped headers and categories among them) and partitions late or missing.
 *
 * <p>The first three are per source: a run that read only some sources carries the others' rows
 * over from the snapshot before ({@link #over}). The partitions are those of the whole partition
 * ledger, so they are never carried over. Lists are kept sorted, so two records with the same
 * content are equal.
 *
 * @param sourcesRead the sources the run read; their rows replace those of the snapshot before
 */
public record InputQuality(
        Set<String> sourcesRead,
        List<Quarantined> quarantined,
        List<NameResolution> resolution,
        List<Finding> findings,
        List<LatePartition> partitions) {

    /** Rows (or whole files) of one source, in one office's folder, quarantined by one rule. */
    public record Quarantined(String source, String office, String rule, long rows, long files) {
        static final Comparator<Quarantined> ORDER = Comparator.comparing(Quarantined::source)
                .thenComparing(Quarantined::office)
                .thenComparing(Quarantined::rule);
    }

    /** How the division names of one source resolved to NBS codes. */
    public record NameResolution(String source, long names, long resolved, long ambiguous, long unknown) {
        static final Comparator<NameResolution> ORDER = Comparator.comparing(NameResolution::source);
    }

    /** Source findings of one kind, in one source and office (for example unmapped headers or categories). */
    public record Finding(String kind, String source, String office, long findings) {
        static final Comparator<Finding> ORDER = Comparator.comparing(Finding::kind)
                .thenComparing(Finding::source)
                .thenComparing(Finding::office);
    }

    /**
     * A partition late or missing when the snapshot was published.
     *
     * @param state {@code late} or {@code missing}
     * @param periodStart the first day the partition covers
     * @param periodEnd its last day
     * @param due when it was due
     */
    public record LatePartition(
            String source,
            String partitionKey,
            String state,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate due) {
        static final Comparator<LatePartition> ORDER = Comparator.comparing(LatePartition::source)
                .thenComparing(LatePartition::partitionKey)
                .thenComparing(LatePartition::state);
    }

    public InputQuality {
        sourcesRead = Set.copyOf(new TreeSet<>(sourcesRead));
        quarantined = sorted(quarantined, Quarantined.ORDER);
        resolution = sorted(resolution, NameResolution.ORDER);
        findings = sorted(findings, Finding.ORDER);
        partitions = sorted(partitions, LatePartition.ORDER);
    }

    /** A record that reads no source: publishing with it carries every row over. */
    public static InputQuality none() {
        return new InputQuality(Set.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * This record over {@code before}: the rows of sources this run did not read are kept from
     * {@code before} (any this record holds for them are ignored); those of the sources it read,
     * and the partitions, are this record's.
     */
    public InputQuality over(InputQuality before) {
        return new InputQuality(
                sourcesRead,
                merged(quarantined, before.quarantined, Quarantined::source),
                merged(resolution, before.resolution, NameResolution::source),
                merged(findings, before.findings, Finding::source),
                sourcesRead.isEmpty() ? before.partitions : partitions);
    }

    /** Whether the published rows are the same, whichever sources each run read. */
    public boolean sameRowsAs(InputQuality other) {
        return quarantined.equals(other.quarantined)
                && resolution.equals(other.resolution)
                && findings.equals(other.findings)
                && partitions.equals(other.partitions);
    }

    private <T> List<T> merged(List<T> own, List<T> before, Function<T, String> source) {
        List<T> out = new ArrayList<>();
        own.stream().filter(row -> sourcesRead.contains(source.apply(row))).forEach(out::add);
        before.stream().filter(row -> !sourcesRead.contains(source.apply(row))).forEach(out::add);
        return out;
    }

    private static <T> List<T> sorted(List<T> rows, Comparator<T> order) {
        List<T> copy = new ArrayList<>(rows);
        copy.sort(order);
        return List.copyOf(copy);
    }
}
