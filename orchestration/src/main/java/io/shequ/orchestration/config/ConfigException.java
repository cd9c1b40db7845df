package io.shequ.orchestration.config;

/** A configuration value is missing or wrong; the message names the key and what was expected. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String key, String expected) {
        super("configuration key '" + key + "': " + expected);
    }
}
