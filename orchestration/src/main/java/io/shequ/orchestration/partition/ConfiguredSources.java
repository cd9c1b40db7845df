package io.shequ.orchestration.partition;

import io.shequ.jobs.extract.GridSystemLanding;
import io.shequ.jobs.pipeline.steps.ExtractStep;
import io.shequ.orchestration.config.ConfigException;
import io.shequ.orchestration.config.ShequConfig;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The sources a configuration reads, by their ledger names; and the names a user may give them on the command line. */
public final class ConfiguredSources {

    private static final Map<String, String> NAMES = Map.of(
            "street-offices", ExtractStep.STREET_OFFICES, ExtractStep.STREET_OFFICES, ExtractStep.STREET_OFFICES,
            "grid-system", GridSystemLanding.SOURCE, GridSystemLanding.SOURCE, GridSystemLanding.SOURCE,
            "procurement", ExtractStep.PROCUREMENT, ExtractStep.PROCUREMENT, ExtractStep.PROCUREMENT);

    private ConfiguredSources() {
    }

    public static Set<String> of(ShequConfig config) {
        Set<String> sources = new LinkedHashSet<>();
        if (config.streetOffices() != null) {
            sources.add(ExtractStep.STREET_OFFICES);
        }
        if (config.grid() != null) {
            sources.add(GridSystemLanding.SOURCE);
        }
        if (config.procurement() != null) {
            sources.add(ExtractStep.PROCUREMENT);
        }
        return sources;
    }

    /** The configured sources, or only the named one (street-offices, grid-system, procurement). */
    public static Set<String> chosen(ShequConfig config, String name) {
        Set<String> configured = of(config);
        if (name == null) {
            return configured;
        }
        String source = NAMES.get(name);
        if (source == null || !configured.contains(source)) {
            throw new ConfigException("--source", "one of the configured sources " + configured
                    + " (or street-offices, grid-system, procurement), got '" + name + "'");
        }
        return Set.of(source);
    }
}
