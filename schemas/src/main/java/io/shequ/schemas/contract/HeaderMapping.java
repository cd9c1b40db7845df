package io.shequ.schemas.contract;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which column of a source file holds which contract field, as read from its header row.
 * {@code columns} maps 0-based column indexes to fields, each field at most once.
 */
public record HeaderMapping(SortedMap<Integer, FieldSpec> columns, List<HeaderIssue> issues) {

    public HeaderMapping {
        columns = Collections.unmodifiableSortedMap(new TreeMap<>(columns));
        issues = List.copyOf(issues);
    }

    /** The field in {@code column}, empty for an ignored or unknown column. */
    public Optional<FieldSpec> fieldAt(int column) {
        return Optional.ofNullable(columns.get(column));
    }

    /** The column holding the field with this canonical name, empty when the file lacks it. */
    public OptionalInt columnOf(String fieldName) {
        for (Map.Entry<Integer, FieldSpec> entry : columns.entrySet()) {
            if (entry.getValue().name().equals(fieldName)) {
                return OptionalInt.of(entry.getKey());
            }
        }
        return OptionalInt.empty();
    }
}
