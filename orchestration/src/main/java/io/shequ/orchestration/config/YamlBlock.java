package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One top-level block of shequ.yml, for the settings that only some commands read (the
 * scheduler's store, metrics): they are typed by their own records instead of widening
 * {@link ShequConfig} for every command. {@link ConfigReader} has validated the file as a whole.
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
            JsonNode block = root == null ? MissingNode.getInstance() : root.path(key);
            if (!block.isMissingNode() && !block.isNull() && !block.isObject()) {
                throw new ConfigException(key, "a mapping of keys, got '" + block.asText() + "'");
            }
            return block.isNull() ? MissingNode.getInstance() : block;
        } catch (IOException e) {
            throw new ConfigException("(file)", "valid YAML in " + file);
        }
    }
}
