package io.shequ.schemas.reference;

import java.io.Serializable;
import java.util.Objects;

/** One entry of a reference taxonomy: a stable code and its Chinese and English names. */
public record TaxonomyTerm(String code, String nameZh, String nameEn) implements Serializable {

    public TaxonomyTerm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
