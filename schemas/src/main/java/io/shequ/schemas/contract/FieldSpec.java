package io.shequ.schemas.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One field a source contract expects: its canonical name (the column name downstream), the
 * header spellings that name it in source files, how its cells are read, and its bounds.
 *
 * <p>{@code min} and {@code max} are inclusive; null means unbounded. The descriptions may be
 * null. The canonical name is itself accepted as a header, so a file written with canonical
 * names matches without aliases.
 */
public record FieldSpec(String name, List<String> aliases, FieldType type, boolean required,
                        BigDecimal min, BigDecimal max, String descriptionZh, String descriptionEn) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        aliases = List.copyOf(aliases);
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
