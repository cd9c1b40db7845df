package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.jobs.settings.AdmitSettings;
import java.nio.file.Path;

/**
 * {@code quarantine.admit-folder}: where corrected quarantine exports are dropped for the next run
 * to re-admit. Relative to the configuration file's folder; by default {@code <home>/admit}.
 */
final class AdmitFolderConfig {

    static final String KEY = "quarantine.admit-folder";

    private AdmitFolderConfig() {}

    /** From the {@code quarantine} section; {@code base} is the configuration file's folder. */
    static AdmitSettings of(JsonNode quarantine, Path home, Path base) {
        JsonNode folder = quarantine.get("admit-folder");
        if (folder == null || folder.isNull()) {
            return AdmitSettings.defaultFor(home);
        }
        if (!folder.isTextual() || folder.asText().isBlank()) {
            throw new ConfigException(KEY, "a folder path, got '" + folder + "'");
        }
        return new AdmitSettings(base.resolve(folder.asText()).toAbsolutePath().normalize());
    }
}
