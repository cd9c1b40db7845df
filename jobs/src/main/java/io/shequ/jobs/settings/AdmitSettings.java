package io.shequ.jobs.settings;

import java.nio.file.Path;

/**
 * Where corrected quarantine exports are dropped for re-admission ({@code quarantine.admit-folder}).
 *
 * @param folder the admit folder; processed files move to its {@code done/} subfolder
 */
public record AdmitSettings(Path folder) {

    /** The default: {@code <home>/admit}. */
    public static AdmitSettings defaultFor(Path home) {
        return new AdmitSettings(home.resolve("admit"));
    }
}
