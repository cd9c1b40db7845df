package io.shequ.jobs.spark;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.LakeCatalog;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession a process uses, with the Iceberg catalog of the home configured.
 * Transforms never build sessions; they are handed this one.
 */
public final class SparkSessionFactory {

    /** The Iceberg catalog name; plain-Java readers of the catalog must use the same one. */
    public static final String CATALOG = "shequ";
    public static final String NAMESPACE = "lake";
    static final String LOOPBACK = "127.0.0.1";

    private SparkSessionFactory() {
    }

    public static SparkSession create(PipelineSettings settings) {
        HomeLayout layout = new HomeLayout(settings.home());
        SparkSession.Builder builder = SparkSession.builder()
                .appName("shequ")
                .master(settings.sparkMaster())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(settings.shufflePartitions()))
                .config("spark.sql.adaptive.enabled", "true")
                // the shuffle partitions are an upper bound (ShufflePartitions sizes them by input):
                // adaptive execution merges those a shuffle leaves small, keeping every core busy
                .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                .config("spark.sql.session.timeZone", "Asia/Shanghai")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                // staging, quarantine, landed grid tables and the lake are written owner-only
                .config(OwnerOnlyHadoopFiles.sparkKey(), OwnerOnlyHadoopFiles.OWNER_ONLY);
        if (isLocal(settings.sparkMaster())) {
            // the driver's RPC server and block manager listen on loopback only; on a cluster the
            // user sets where they listen (and spark.authenticate, see the README)
            builder.config("spark.driver.bindAddress", LOOPBACK).config("spark.driver.host", LOOPBACK)
                    // shuffle and spill files hold staged rows, personal data among them: in the
                    // owner-only home, never in a world-readable /tmp/blockmgr-* (a killed run leaves them)
                    .config("spark.local.dir", ownerOnlyScratch(layout).toString());
        }
        catalogProperties(settings.lakeCatalog(), layout.lake()).forEach(builder::config);
        return OwnerOnlyHadoopFiles.apply(builder.getOrCreate());
    }

    private static Path ownerOnlyScratch(HomeLayout layout) {
        try {
            return OwnerOnly.createDirectories(layout.sparkScratch());
        } catch (IOException e) {
            throw new UncheckedIOException("creating Spark's scratch folder " + layout.sparkScratch(), e);
        }
    }

    /** Whether {@code master} runs Spark inside this process ({@code local}, {@code local[*]}, {@code local[4,2]}). */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /**
     * The Spark settings of the lake's Iceberg catalog {@link #CATALOG}: a JDBC catalog in
     * {@code catalog}'s database, data and metadata files under {@code lakeFolder}.
     */
    public static Map<String, String> catalogProperties(LakeCatalog catalog, Path lakeFolder) {
        String prefix = "spark.sql.catalog." + CATALOG;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
        properties.put(prefix + ".type", "jdbc");
        properties.put(prefix + ".uri", catalog.url());
        properties.put(prefix + ".jdbc.user", catalog.user());
        properties.put(prefix + ".jdbc.password", catalog.password());
        properties.put(prefix + ".warehouse", lakeFolder.toString());
        return properties;
    }
}
