package io.shequ.jobs.stage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Something staging noticed about a source that took no row out but that a person should hear
 * of: a header read as a variant of an alias, a header naming no field or several, a field an
 * office supplied before and dropped (schema drift), a value outside a taxonomy counted under
 * its {@code other} member. Findings go to the run summary ({@code findings}), {@code status},
 * the DQ report, and to the staged dataset {@link #DATASET} that the rule files
 * {@code dq/staged/source_findings.<level>.dqdl} judge, so a data engineer decides which kinds
 * only warn and which block publishing.
 *
 * @param kind     {@code header_variant}, {@code unknown_header}, {@code ambiguous_header},
 *                 {@code duplicate_column}, {@code schema_drift}, {@code unmapped_value},
 *                 {@code sheet_without_table}, {@code incomplete_table}, {@code multi_row_header} or
 *                 {@code cells_without_header}
 * @param location the file (or grid-system table) concerned
 * @param office   the street office (or other sender) the file came from; null when not known
 * @param field    the contract field(s) or the taxonomy concerned; null for an unknown header
 * @param value    the header or the value as written
 * @param rows     rows concerned (unmapped values), else null
 * @param amount   their amount in yuan (unmapped service categories), else null
 */
public record SourceFinding(
        String kind,
        String source,
        String location,
        String office,
        String field,
        String value,
        Long rows,
        BigDecimal amount,
        String message) {

    /** The run ledger's {@code source_findings}: every finding of the run's staging. */
    public static final LedgerEntry<List<SourceFinding>> LEDGER =
            LedgerEntry.of(LedgerSection.SOURCE_FINDINGS, new TypeReference<>() {});

    public static final String DATASET = "source_findings";
    public static final String HEADER_VARIANT = "header_variant";
    public static final String SCHEMA_DRIFT = "schema_drift";
    public static final String UNMAPPED_VALUE = "unmapped_value";
    /** A sheet with no row naming any contract field (notes, instructions, empty): a note. */
    public static final String SHEET_WITHOUT_TABLE = "sheet_without_table";
    /** A sheet with a row naming some contract fields but not every required one: its rows are not read. */
    public static final String INCOMPLETE_TABLE = "incomplete_table";
    /** Non-blank cells beyond the header's width or under a blank header: not read. */
    public static final String CELLS_WITHOUT_HEADER = "cells_without_header";
    /** A header spanning several rows (group heading, sub-headings, unit row): a note. */
    public static final String MULTI_ROW_HEADER = "multi_row_header";

    public static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("location", DataTypes.StringType, true)
            .add("office", DataTypes.StringType, true)
            .add("field", DataTypes.StringType, true)
            .add("value", DataTypes.StringType, true)
            .add("rows", DataTypes.LongType, true)
            .add("amount", DataTypes.createDecimalType(18, 2), true)
            .add("message", DataTypes.StringType, false);

    /** A warn-level finding by default (every kind but a header variant, a sheet without a table and a multi-row header, which are notes). */
    @JsonIgnore // derived from kind: not a field of the run ledger's source_findings
    public boolean isNote() {
        return HEADER_VARIANT.equals(kind) || SHEET_WITHOUT_TABLE.equals(kind) || MULTI_ROW_HEADER.equals(kind);
    }

    public Row toRow() {
        return RowFactory.create(kind, source, location, office, field, value, rows, amount, message);
    }

    public static List<Row> rows(List<SourceFinding> findings) {
        return findings.stream().map(SourceFinding::toRow).toList();
    }
}
