package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One top-level section of shequ.yml, for the commands that read only that section and may run
 * without the rest of a valid configuration ({@code serve} and {@code sql} read {@code serve}).
 * Every other command reads the whole file once with {@link ConfigReader}.
 */
final class YamlBlock {

    private YamlBlock() {}

    /** The block under {@code key}, or a missing node when the file (or the block) is absent. */
    static JsonNode read(Path file, String key) {
        if (file == null || !Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            return root == null ? MissingNode.getInstance() : ConfigReader.section(root, key);
        } catch (IOException e) {
            throw new ConfigException("(file)", "valid YAML in " + file);
        }
    }
}
