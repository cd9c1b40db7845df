package io.shequ.schemas.contract;

import java.util.List;

/**
 * The outcome of reading one row as a header: the columns recognised so far, and the required
 * fields that no column names. The row is the header when {@code missingRequired} is empty.
 */
public record HeaderMatch(HeaderMapping mapping, List<FieldSpec> missingRequired) {

    public HeaderMatch {
        missingRequired = List.copyOf(missingRequired);
    }

    public boolean isComplete() {
        return missingRequired.isEmpty();
    }

    /** The canonical names of the missing required fields, for a message to the sender. */
    public List<String> missingNames() {
        return missingRequired.stream().map(FieldSpec::name).toList();
    }
}
