package io.shequ.jobs.stage.table;

import io.shequ.schemas.contract.FieldSpec;
import io.shequ.schemas.contract.FieldType;
import java.io.Serializable;
import java.math.BigDecimal;

/** The part of a contract field that typing needs on executors (FieldSpec itself is not serializable). */
record TypedField(String name, FieldType type, boolean required, BigDecimal min, BigDecimal max, String header)
        implements Serializable {

    static TypedField of(FieldSpec spec) {
        String header = spec.aliases().isEmpty() ? spec.name() : spec.aliases().get(0);
        return new TypedField(spec.name(), spec.type(), spec.required(), spec.min(), spec.max(), header);
    }

    boolean inBounds(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }
}
