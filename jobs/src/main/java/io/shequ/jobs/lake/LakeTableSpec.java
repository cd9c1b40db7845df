package io.shequ.jobs.lake;

import io.shequ.jobs.source.Source;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every table of the lake, in the order the lake step commits them, with how each is written:
 * its partition columns (a fact is partitioned by year and month, a dimension replaced whole),
 * the columns naming a row that carries no source file and line, and the source whose files a
 * fact comes from. Each has its DDL and YAML in the warehouse's {@code models/lake/<name>.sql}
 * and {@code .yml} ({@code LakeTableSpecTest} holds that).
 */
public enum LakeTableSpec {
    DIM_DIVISION("dim_division", List.of(), List.of("division_code", "valid_from"), null, false),
    DIM_GRID("dim_grid", List.of(), List.of("grid_code", "valid_from"), null, false),
    DIM_ORGANIZATION("dim_organization", List.of(), List.of("credit_code", "valid_from"), null, false),
    DIM_DATE("dim_date", List.of(), List.of(), null, false),
    DIM_EVENT_CATEGORY("dim_event_category", List.of(), List.of(), null, false),
    DIM_EVENT_CHANNEL("dim_event_channel", List.of(), List.of(), null, false),
    DIM_SERVICE_CATEGORY("dim_service_category", List.of(), List.of(), null, false),
    /**
     * Replaced whole when its source is read whole (a row no longer in a resent file leaves the
     * lake whichever partition it lived in); a backfill or retry replaces the partitions it carries.
     */
    FCT_COMMUNITY_REPORTS(
            "fct_community_reports", List.of("report_year", "report_month"), List.of(), Source.STREET_OFFICES, false),
    /** Conformed whole every run that changes the grid system's merged state: replaced, not by partition. */
    FCT_GRID_EVENTS("fct_grid_events", List.of("report_year", "report_month"), List.of("event_id"), null, true),
    /** As {@link #FCT_COMMUNITY_REPORTS}, from the procurement ledgers. */
    FCT_SERVICE_CONTRACTS(
            "fct_service_contracts", List.of("sign_year", "sign_month"), List.of(), Source.PROCUREMENT, false);

    private final String tableName;
    private final List<String> partitionColumns;
    private final List<String> rowKey;
    private final Source fileSource;
    private final boolean rebuiltWhole;

    LakeTableSpec(
            String tableName,
            List<String> partitionColumns,
            List<String> rowKey,
            Source fileSource,
            boolean rebuiltWhole) {
        this.tableName = tableName;
        this.partitionColumns = partitionColumns;
        this.rowKey = rowKey;
        this.fileSource = fileSource;
        this.rebuiltWhole = rebuiltWhole;
    }

    /** The table's name in the lake's namespace, in the conformed folder and in the warehouse. */
    public String tableName() {
        return tableName;
    }

    /** The columns a fact is partitioned by; empty for a dimension, which is replaced whole. */
    public List<String> partitionColumns() {
        return partitionColumns;
    }

    public boolean isFact() {
        return !partitionColumns.isEmpty();
    }

    /** The columns naming one of its rows when the row carries no source file and line; may be empty. */
    public List<String> rowKey() {
        return rowKey;
    }

    /** The source whose files the fact comes from, for a fact conformed from files. */
    public Optional<Source> fileSource() {
        return Optional.ofNullable(fileSource);
    }

    /** Whether every run that writes it conforms it whole, so it is replaced rather than by partition. */
    public boolean rebuiltWhole() {
        return rebuiltWhole;
    }

    /** The names of the facts conformed from {@code source}'s files ({@code street_office_reports} …). */
    public static List<String> ofFileSource(String source) {
        return Arrays.stream(values())
                .filter(spec ->
                        spec.fileSource().filter(s -> s.id().equals(source)).isPresent())
                .map(LakeTableSpec::tableName)
                .toList();
    }

    /** Every table's name, in commit order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(LakeTableSpec::tableName).toList();
    }
}
