package io.shequ.jobs.settings;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.source.Source;
import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one pipeline run needs to know, already validated by whoever read the configuration.
 *
 * @param home         the folder that holds landing, staging, lake, warehouse and runs
 * @param districts    the districts (6-digit level) the sources report on
 * @param sources      where the sources are, and whether unreadable files fail the run
 * @param spark        how the Spark session is made
 * @param pseudonymKey the HMAC key for personal identifiers; never logged or stored
 * @param reference    the user's own division list and DQDL rules, or the bundled ones
 * @param lakeCatalog  the database of the lake's Iceberg catalog; null for the H2 file under the home
 * @param retention    how many days past runs' raw zones (landed grid tables, staging, quarantine; personal
 *                     data among them) are kept; older ones are purged at the start of each run
 */
public record PipelineSettings(
        Path home,
        List<DivisionCode> districts,
        SourceSettings sources,
        SparkSettings spark,
        byte[] pseudonymKey,
        ReferenceSettings reference,
        LakeCatalog lakeCatalog,
        Retention retention) {

    public PipelineSettings {
        districts = List.copyOf(districts);
        if (reference == null) {
            reference = ReferenceSettings.bundled();
        }
        if (lakeCatalog == null) {
            lakeCatalog = LakeCatalog.embedded(new HomeLayout(home));
        }
        if (retention == null) {
            retention = Retention.defaults();
        }
    }

    /** The sources this configuration reads, by their ledger names. */
    public Set<String> sourceNames() {
        Set<String> names = new LinkedHashSet<>();
        streetOffices().ifPresent(p -> names.add(Source.STREET_OFFICES.id()));
        gridSystem().ifPresent(g -> names.add(Source.GRID_SYSTEM.id()));
        procurement().ifPresent(p -> names.add(Source.PROCUREMENT.id()));
        return names;
    }

    public Optional<Path> streetOffices() {
        return Optional.ofNullable(sources.streetOffices());
    }

    public Optional<Path> procurement() {
        return Optional.ofNullable(sources.procurement());
    }

    public Optional<GridSource> gridSystem() {
        return Optional.ofNullable(sources.grid());
    }

    @Override
    public String toString() {
        return "PipelineSettings[home=" + home + ", districts=" + districts + ", sparkMaster=" + spark.master() + "]";
    }
}
