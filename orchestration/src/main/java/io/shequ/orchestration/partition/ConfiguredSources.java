package io.shequ.orchestration.partition;

import io.shequ.jobs.source.Source;
import io.shequ.orchestration.config.ConfigException;
import io.shequ.orchestration.config.ShequConfig;
import java.util.LinkedHashSet;
import java.util.Set;

/** The sources a configuration reads, by their ledger names; and the names a user may give them on the command line. */
public final class ConfiguredSources {

    private ConfiguredSources() {}

    public static Set<String> of(ShequConfig config) {
        Set<String> sources = new LinkedHashSet<>();
        if (config.sources().streetOffices() != null) {
            sources.add(Source.STREET_OFFICES.id());
        }
        if (config.sources().grid() != null) {
            sources.add(Source.GRID_SYSTEM.id());
        }
        if (config.sources().procurement() != null) {
            sources.add(Source.PROCUREMENT.id());
        }
        return sources;
    }

    /** The configured sources, or only the named one (street-offices, grid-system, procurement). */
    public static Set<String> chosen(ShequConfig config, String name) {
        Set<String> configured = of(config);
        if (name == null) {
            return configured;
        }
        String source = Source.byConfigKey(name)
                .or(() -> Source.byId(name))
                .map(Source::id)
                .orElse(null);
        if (source == null || !configured.contains(source)) {
            throw new ConfigException(
                    "--source",
                    "one of the configured sources " + configured
                            + " (or street-offices, grid-system, procurement), got '" + name + "'");
        }
        return Set.of(source);
    }
}
