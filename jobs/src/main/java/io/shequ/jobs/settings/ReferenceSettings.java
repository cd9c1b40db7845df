package io.shequ.jobs.settings;

import java.nio.file.Path;

/**
 * The user's own reference data ({@code reference} in shequ.yml), null for the bundled one.
 *
 * @param nbsDivisions a folder holding a newer NBS division release instead of the bundled 2023 one
 * @param dqRules a folder of DQDL rule files overriding the bundled ones
 */
public record ReferenceSettings(Path nbsDivisions, Path dqRules) {

    /** The bundled division list and rules. */
    public static ReferenceSettings bundled() {
        return new ReferenceSettings(null, null);
    }
}
