package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shequ.jobs.settings.AdmitSettings;
import java.io.IOException;

/**
 * Reads {@code quarantine.admit-folder} from shequ.yml: where corrected quarantine exports are
 * dropped for the next run to re-admit. Relative to the configuration file's folder; by default
 * {@code <home>/admit}. Kept beside {@link ConfigReader} (which has already validated the file)
 * so the typed configuration stays as it is.
 */
public final class AdmitFolderConfig {

    static final String KEY = "quarantine.admit-folder";

    private AdmitFolderConfig() {}

    public static AdmitSettings read(ShequConfig config) {
        JsonNode quarantine;
        try {
            quarantine = new ObjectMapper(new YAMLFactory())
                    .readTree(config.file().toFile())
                    .path("quarantine");
        } catch (IOException e) {
            throw new ConfigException("(file)", "valid YAML in " + config.file());
        }
        JsonNode folder = quarantine.get("admit-folder");
        if (folder == null || folder.isNull()) {
            return AdmitSettings.defaultFor(config.home());
        }
        if (!folder.isTextual() || folder.asText().isBlank()) {
            throw new ConfigException(KEY, "a folder path, got '" + folder + "'");
        }
        return new AdmitSettings(config.file()
                .getParent()
                .resolve(folder.asText())
                .toAbsolutePath()
                .normalize());
    }
}
