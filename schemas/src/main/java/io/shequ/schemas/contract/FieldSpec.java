package io.shequ.schemas.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One field a source contract expects: its canonical name (the column name downstream), the
 * header spellings that name it in source files, how its cells are read, and its bounds.
 *
 * <p>{@code min} and {@code max} are inclusive; null means unbounded. {@code dates} bounds the
 * dates of a DATE or DATE_RANGE field ({@link DateBounds#DEFAULT} unless the contract says otherwise)
 * and is null for other types. The descriptions may be null. {@code lakeColumn} is the lake fact
 * column that carries a numeric field's value on to the lake (its sum per source file is reconciled
 * with the sum read: value accounting); it defaults to the field's name. The canonical name is itself accepted as a header, so a file written with canonical
 * names matches without aliases.
 */
public record FieldSpec(
        String name,
        List<String> aliases,
        FieldType type,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        String descriptionZh,
        String descriptionEn,
        DateBounds dates,
        String lakeColumn) {

    /** A field with the default date bounds when it holds dates. */
    public FieldSpec(
            String name,
            List<String> aliases,
            FieldType type,
            boolean required,
            BigDecimal min,
            BigDecimal max,
            String descriptionZh,
            String descriptionEn) {
        this(name, aliases, type, required, min, max, descriptionZh, descriptionEn, null, null);
    }

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        lakeColumn = lakeColumn == null ? name : lakeColumn;
        aliases = List.copyOf(aliases);
        boolean dated = type == FieldType.DATE || type == FieldType.DATE_RANGE;
        if (dates != null && !dated) {
            throw new IllegalArgumentException(name + ": date bounds apply to DATE and DATE_RANGE fields, not " + type);
        }
        if (dated && dates == null) {
            dates = DateBounds.DEFAULT;
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + ": min " + min + " is above max " + max);
        }
    }

    /** True when {@code value} lies within the bounds; null (no value) is within any bounds. */
    public boolean withinBounds(BigDecimal value) {
        if (value == null) {
            return true;
        }
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    /** The canonical name followed by the aliases: every header text that names this field. */
    public List<String> headerSpellings() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }
}
