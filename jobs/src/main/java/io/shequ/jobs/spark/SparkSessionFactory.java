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

    private SparkSessionFactory() {}

    public static SparkSession create(PipelineSettings settings) {
        SparkSession.Builder builder = SparkSession.builder().appName("shequ");
        settings(settings).forEach(builder::config);
        return OwnerOnlyHadoopFiles.apply(builder.getOrCreate());
    }

    /**
     * Every setting the session is built with: Shequ's defaults, then the configured
     * {@code spark.*} settings as they are (they win over the defaults), then the lake's catalog.
     */
    static Map<String, String> settings(PipelineSettings settings) {
        HomeLayout layout = new HomeLayout(settings.home());
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.master", settings.spark().master());
        conf.put("spark.ui.enabled", "false");
        conf.put("spark.ui.showConsoleProgress", "false");
        conf.put(
                "spark.sql.shuffle.partitions",
                Integer.toString(settings.spark().shufflePartitions()));
        conf.put("spark.sql.adaptive.enabled", "true");
        // the shuffle partitions are an upper bound (ShufflePartitions sizes them by input):
        // adaptive execution merges those a shuffle leaves small, keeping every core busy
        conf.put("spark.sql.adaptive.coalescePartitions.enabled", "true");
        conf.put("spark.sql.session.timeZone", "Asia/Shanghai");
        conf.put("spark.sql.sources.partitionOverwriteMode", "dynamic");
        conf.put("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
        // staging, quarantine, landed grid tables and the lake are written owner-only
        conf.put(OwnerOnlyHadoopFiles.sparkKey(), OwnerOnlyHadoopFiles.OWNER_ONLY);
        if (onThisMachine(settings.spark().master())) {
            // the driver's RPC server and block manager listen on loopback only; on a cluster the
            // user sets where they listen (and spark.authenticate, see docs/configuration.md, Network exposure)
            conf.put("spark.driver.bindAddress", LOOPBACK);
            conf.put("spark.driver.host", LOOPBACK);
            // shuffle and spill files hold staged rows, personal data among them: in the
            // owner-only home, never in a world-readable /tmp/blockmgr-* (a killed run leaves them)
            conf.put("spark.local.dir", ownerOnlyScratch(layout).toString());
        }
        if (settings.spark().master().startsWith("local-cluster[")) {
            // executors started on this machine run the driver's own class path (the shaded jar under java -jar)
            conf.put("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        conf.putAll(settings.spark().conf());
        conf.putAll(catalogProperties(settings.lakeCatalog(), layout.lake()));
        return conf;
    }

    private static Path ownerOnlyScratch(HomeLayout layout) {
        try {
            return OwnerOnly.createDirectories(layout.sparkScratch());
        } catch (IOException e) {
            throw new UncheckedIOException("creating Spark's scratch folder " + layout.sparkScratch(), e);
        }
    }

    /**
     * Whether {@code master} runs Spark on this machine: inside this process ({@code local},
     * {@code local[*]}, {@code local[4,2]}) or in executor processes it starts here
     * ({@code local-cluster[2,1,1024]}).
     */
    static boolean onThisMachine(String master) {
        return master.equals("local") || master.startsWith("local[") || master.startsWith("local-cluster[");
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
