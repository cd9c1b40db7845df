package io.shequ.jobs.settings;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.source.Source;
import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one pipeline run needs to know, already validated by whoever read the configuration.
 *
 * @param home               the folder that holds landing, staging, lake, warehouse and runs
 * @param districts          the districts (6-digit level) the sources report on
 * @param streetOfficeFolder folder of street-office report files, or null when not configured
 * @param procurementFolder  folder of procurement ledgers, or null when not configured
 * @param grid               the grid system's database, or null when not configured
 * @param sparkMaster        Spark master URL, {@code local[*]} by default
 * @param shufflePartitions  the least Spark SQL shuffle partitions; each step raises them by its input ({@link io.shequ.jobs.spark.ShufflePartitions})
 * @param sparkConf          further {@code spark.*} settings (executors, jars, a cluster's addresses), passed to the
 *                           session as they are and over Shequ's own defaults
 * @param pseudonymKey       the HMAC key for personal identifiers; never logged or stored
 * @param divisionReference  a folder holding a newer NBS release, or null for the bundled 2023 one
 * @param ruleFolder         a folder of DQDL rule files overriding the bundled ones, or null
 * @param tolerateUnreadableFiles when false (the default), a source file quarantined whole (unreadable, empty,
 *                           no header, office or period unknown) makes the run end with exit code 1, after the
 *                           other files have loaded and published; when true the run still reports it but exits 0
 * @param lakeCatalog        the database of the lake's Iceberg catalog; null for the H2 file under the home
 * @param retention          how many days past runs' raw zones (landed grid tables, staging, quarantine; personal
 *                           data among them) are kept; older ones are purged at the start of each run
 */
public record PipelineSettings(
        Path home,
        List<DivisionCode> districts,
        Path streetOfficeFolder,
        Path procurementFolder,
        GridSource grid,
        String sparkMaster,
        int shufflePartitions,
        Map<String, String> sparkConf,
        byte[] pseudonymKey,
        Path divisionReference,
        Path ruleFolder,
        boolean tolerateUnreadableFiles,
        LakeCatalog lakeCatalog,
        Retention retention) {

    public PipelineSettings {
        districts = List.copyOf(districts);
        sparkConf = sparkConf == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sparkConf));
        if (lakeCatalog == null) {
            lakeCatalog = LakeCatalog.embedded(new HomeLayout(home));
        }
        if (retention == null) {
            retention = Retention.defaults();
        }
    }

    /** The sources this configuration reads, by their ledger names. */
    public Set<String> sources() {
        Set<String> sources = new LinkedHashSet<>();
        streetOffices().ifPresent(p -> sources.add(Source.STREET_OFFICES.id()));
        gridSystem().ifPresent(g -> sources.add(Source.GRID_SYSTEM.id()));
        procurement().ifPresent(p -> sources.add(Source.PROCUREMENT.id()));
        return sources;
    }

    public Optional<Path> streetOffices() {
        return Optional.ofNullable(streetOfficeFolder);
    }

    public Optional<Path> procurement() {
        return Optional.ofNullable(procurementFolder);
    }

    public Optional<GridSource> gridSystem() {
        return Optional.ofNullable(grid);
    }

    @Override
    public String toString() {
        return "PipelineSettings[home=" + home + ", districts=" + districts + ", sparkMaster=" + sparkMaster + "]";
    }
}
