package io.shequ.schemas.division;

import java.io.Serializable;

/** One unit of the NBS division list: its code, official name and containing unit. */
public record Division(DivisionCode code, String name, DivisionCode parentCode) implements Serializable {

    public DivisionLevel level() {
        return code.level();
    }

    public DivisionKind kind() {
        return code.kind();
    }
}
