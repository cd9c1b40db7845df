package io.shequ.jobs.spark;

import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.settings.PipelineSettings;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession a process uses, with the Iceberg catalog of the home configured.
 * Transforms never build sessions; they are handed this one.
 */
public final class SparkSessionFactory {

    /** The Iceberg catalog name; plain-Java readers of the catalog must use the same one. */
    public static final String CATALOG = "shequ";
    public static final String NAMESPACE = "lake";

    private SparkSessionFactory() {
    }

    public static SparkSession create(PipelineSettings settings) {
        HomeLayout layout = new HomeLayout(settings.home());
        return SparkSession.builder()
                .appName("shequ")
                .master(settings.sparkMaster())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(settings.shufflePartitions()))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.session.timeZone", "Asia/Shanghai")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.catalog." + CATALOG, "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog." + CATALOG + ".type", "jdbc")
                .config("spark.sql.catalog." + CATALOG + ".uri", icebergCatalogUrl(layout))
                .config("spark.sql.catalog." + CATALOG + ".jdbc.user", "sa")
                .config("spark.sql.catalog." + CATALOG + ".jdbc.password", "")
                .config("spark.sql.catalog." + CATALOG + ".warehouse", layout.lake().toString())
                .getOrCreate();
    }

    /** H2 needs DATABASE_TO_LOWER for Iceberg's catalog tables to survive a restart (STACK.md). */
    public static String icebergCatalogUrl(HomeLayout layout) {
        return "jdbc:h2:file:" + layout.icebergCatalog() + ";DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
    }
}
