package io.shequ.jobs.stage.table;

import io.shequ.schemas.contract.FieldSpec;
import io.shequ.schemas.contract.FieldType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The part of a contract field that typing needs on executors (FieldSpec itself is not serializable),
 * with its date bounds resolved for the run's day ({@code earliest}/{@code latest} null for a field
 * that holds no dates).
 */
record TypedField(
        String name,
        FieldType type,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        String header,
        LocalDate earliest,
        LocalDate latest)
        implements Serializable {

    TypedField(String name, FieldType type, boolean required, BigDecimal min, BigDecimal max, String header) {
        this(name, type, required, min, max, header, null, null);
    }

    static TypedField of(FieldSpec spec, LocalDate runDay) {
        String header = spec.aliases().isEmpty() ? spec.name() : spec.aliases().get(0);
        return spec.dates() == null
                ? new TypedField(spec.name(), spec.type(), spec.required(), spec.min(), spec.max(), header)
                : new TypedField(
                        spec.name(),
                        spec.type(),
                        spec.required(),
                        spec.min(),
                        spec.max(),
                        header,
                        spec.dates().earliest(),
                        spec.dates().latest(runDay));
    }

    boolean inBounds(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    /** Why {@code date} cannot be a real date of this field, or null when it can. */
    String implausible(LocalDate date) {
        if (earliest != null && date.isBefore(earliest)) {
            return "is before " + earliest + ", the earliest date " + header + " accepts";
        }
        if (latest != null && date.isAfter(latest)) {
            return "is after " + latest + ", the latest date " + header + " accepts in this run";
        }
        return null;
    }
}
